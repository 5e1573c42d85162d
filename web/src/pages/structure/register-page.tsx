/**
 * /structure/inscription — find the structure in the SIRENE directory (by SIRET, or by name and
 * commune), then join it when it is already registered (a claim when nobody manages it yet), or
 * register it from the directory's data (or by hand when it has no SIRET). A new structure waits for
 * the département's validation: the page says so.
 */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import type { EditedStructure, EstablishmentAnswer, EstablishmentResult, JoinRequest } from '../../api/space-types.ts';
import { askToJoin, findEstablishments } from '../../api/space-endpoints.ts';
import { refreshAuth } from '../../state/auth.ts';
import { dateText } from '../../format.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { TextField } from '../../components/forms/text-field.tsx';
import { ChoiceList } from '../../components/forms/choice-list.tsx';
import { useSubmit } from '../../components/forms/use-submit.ts';
import { FormProblems } from '../../components/forms/form-problems.tsx';
import { CommuneCombobox, type CommuneChoice } from '../../components/search/commune-combobox.tsx';
import { SignedIn } from '../../components/spaces/signed-in.tsx';
import { StatusBadge } from '../../components/spaces/status-badges.tsx';
import { StructureForm } from '../../components/structure/structure-form.tsx';
import { SuccessNotice } from '../../components/ui/success-notice.tsx';
import { BackLink } from '../../components/ui/back-link.tsx';
import '../../styles/spaces.css';

const siretText = (s: string) => `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}`;

type Step = { kind: 'search' } | { kind: 'register'; from: EstablishmentAnswer | null } | { kind: 'registered'; structure: EditedStructure } | { kind: 'requested'; request: JoinRequest };

function JoinButton({ e, onDone }: { e: EstablishmentAnswer; onDone: (r: JoinRequest) => void }) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const submit = useSubmit();
  const claim = !e.registered!.has_members;
  if (!open) {
    return (
      <button type="button" class="button" onClick={() => setOpen(true)}>
        {claim ? 'Reprendre cette structure' : 'Demander à rejoindre'}
      </button>
    );
  }
  return (
    <form
      class="inline-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const request = await submit.run(() => askToJoin(e.registered!.id, message.trim() || null));
        if (request) onDone(request);
      }}
    >
      <p>
        {claim
          ? 'Personne ne gère encore cette structure sur le service : la coordination du département vérifiera votre demande et vous en confiera l’administration.'
          : 'Ses administrateurs recevront votre demande par courriel.'}
      </p>
      <FormProblems submit={submit} fields={{ message: `message-${e.siret}` }} />
      <TextField id={`message-${e.siret}`} label="Message (facultatif)" hint="Votre fonction dans la structure, par exemple." multiline rows={2} value={message} onValue={setMessage} maxLength={1000} />
      <button type="submit" class="button" disabled={submit.submitting}>
        Envoyer la demande
      </button>
    </form>
  );
}

function EstablishmentCard({ e, onRegister, onJoined, level = 2 }: { e: EstablishmentAnswer; onRegister: () => void; onJoined: (r: JoinRequest) => void; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const name = e.establishment_name && e.name ? `${e.name} — ${e.establishment_name}` : (e.name ?? e.establishment_name ?? 'Nom non diffusé');
  return (
    <article class="panel establishment" data-siret={e.siret}>
      <Heading>{name}</Heading>
      <p class="badges">
        {e.is_head_office && <span class="badge badge--muted">Siège</span>}
        {e.closed && <span class="badge badge--error">Fermé{e.closed_on ? ` depuis le ${dateText(e.closed_on)}` : ''}</span>}
        {e.non_diffusible && <span class="badge badge--warning">Données non diffusibles</span>}
        {e.siae_type && <span class="badge badge--success">Structure d’insertion ({e.siae_type})</span>}
      </p>
      <dl class="facts">
        <dt>SIRET</dt>
        <dd>{siretText(e.siret)}</dd>
        <dt>Adresse</dt>
        <dd>{[e.address, e.postal_code, e.commune_name].filter(Boolean).join(' ') || 'non diffusée'}</dd>
      </dl>
      {e.non_diffusible && (
        <p class="hint">Cet établissement a demandé que ses données ne soient pas diffusées : vous saisirez vous-même le nom et l’adresse à publier.</p>
      )}
      {e.refusal ? (
        <p class="notice notice--error">{e.refusal}</p>
      ) : e.registered ? (
        <div class="establishment__registered">
          <p>
            Déjà référencée sur le service : <a href={`/structure/${e.registered.id}`}>{e.registered.name}</a> <StatusBadge kind="structure" status={e.registered.status} />
          </p>
          <JoinButton e={e} onDone={onJoined} />
        </div>
      ) : (
        <button type="button" class="button" onClick={onRegister}>
          Inscrire cette structure
        </button>
      )}
    </article>
  );
}

function Search({ onStep }: { onStep: (step: Step) => void }) {
  const [mode, setMode] = useState<'siret' | 'nom'>('siret');
  const [siret, setSiret] = useState('');
  const [name, setName] = useState('');
  const [commune, setCommune] = useState<CommuneChoice | null>(null);
  const [results, setResults] = useState<EstablishmentResult[] | null>(null);
  const submit = useSubmit();

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setResults(null);
    if (mode === 'siret' && !siret.trim()) return submit.fail({ siret: 'Indiquez le SIRET (14 chiffres).' });
    if (mode === 'nom' && name.trim().length < 3) return submit.fail({ q: 'Indiquez au moins 3 caractères du nom.' });
    const found = await submit.run(() => findEstablishments(mode === 'siret' ? { siret: siret.replace(/\s+/g, '') } : { q: name.trim(), ...(commune ? { commune: commune.code } : {}) }));
    if (found) setResults(found.items);
  };

  return (
    <>
      <form class="panel" noValidate onSubmit={onSubmit} aria-labelledby="trouver">
        <h2 id="trouver">Trouver la structure dans le répertoire SIRENE</h2>
        <ChoiceList
          id="recherche-par"
          legend="Rechercher"
          single
          options={[
            { value: 'siret', label: 'par son SIRET' },
            { value: 'nom', label: 'par son nom et sa commune' },
          ]}
          selected={[mode]}
          onChange={([m]) => setMode(m as 'siret' | 'nom')}
        />
        <FormProblems submit={submit} fields={{ siret: 'siret', q: 'nom', commune: 'commune-recherche' }} />
        {mode === 'siret' ? (
          <TextField id="siret" label="SIRET" inputMode="numeric" hint="14 chiffres, sur vos factures ou vos statuts ; les espaces sont acceptés." value={siret} onValue={setSiret} error={submit.fieldErrors.siret} />
        ) : (
          <>
            <TextField id="nom" label="Nom de la structure" value={name} onValue={setName} error={submit.fieldErrors.q} />
            <CommuneCombobox id="commune-recherche" label="Commune (facultatif)" value={commune} onChange={setCommune} error={submit.fieldErrors.commune} />
          </>
        )}
        <div class="form-actions">
          <button type="submit" class="button" disabled={submit.submitting}>
            {submit.submitting ? 'Recherche…' : 'Rechercher'}
          </button>
        </div>
      </form>
      {results && (
        <section aria-labelledby="resultats" class="establishments">
          <h2 id="resultats" class="sr-only">
            Résultats
          </h2>
          <p role="status">{results.length ? `${results.length} résultat${results.length > 1 ? 's' : ''} dans le répertoire.` : 'Aucun établissement ne correspond.'}</p>
          {results.map((r) => (
            <>
              <EstablishmentCard e={r} onRegister={() => onStep({ kind: 'register', from: r })} onJoined={(request) => onStep({ kind: 'requested', request })} />
              {(r.establishments?.length ?? 0) > 0 && (
                <details class="other-establishments">
                  <summary>Ses autres établissements ({r.establishments!.length})</summary>
                  {r.establishments!.map((e) => (
                    <EstablishmentCard level={3} e={e} onRegister={() => onStep({ kind: 'register', from: e })} onJoined={(request) => onStep({ kind: 'requested', request })} />
                  ))}
                </details>
              )}
            </>
          ))}
        </section>
      )}
      <p>
        Pas de SIRET, ou structure introuvable ?{' '}
        <button type="button" class="button button--tertiary" onClick={() => onStep({ kind: 'register', from: null })}>
          L’inscrire à la main
        </button>
      </p>
    </>
  );
}

export function RegisterPage(_: PageProps) {
  useTitle('Inscrire ou rejoindre une structure');
  const [step, setStep] = useState<Step>({ kind: 'search' });
  return (
    <SignedIn title="Inscrire ou rejoindre une structure" why="Connectez-vous avec votre compte professionnel pour inscrire votre structure ou demander à la rejoindre.">
      {() => (
        <div class="page-medium">
          <BackLink fallback="/structure" label="Ma structure" />
          <h1>{step.kind === 'register' ? 'Inscrire la structure' : 'Inscrire ou rejoindre une structure'}</h1>
          {step.kind === 'search' && <Search onStep={setStep} />}
          {step.kind === 'register' && (
            <>
              <p class="lead">
                {step.from ? 'Vérifiez les informations reprises du répertoire SIRENE et complétez-les.' : 'Indiquez au moins le nom et la commune de la structure.'} Une fois inscrite, la structure
                attend la validation de la coordination du département.
              </p>
              <p>
                <button type="button" class="button button--tertiary" onClick={() => setStep({ kind: 'search' })}>
                  Revenir à la recherche
                </button>
              </p>
              <StructureForm
                structure={null}
                initial={step.from?.prefill ? { ...step.from.prefill, commune_name: step.from.commune_name } : null}
                submitLabel="Inscrire la structure"
                onSaved={(structure) => {
                  void refreshAuth();
                  setStep({ kind: 'registered', structure });
                  window.scrollTo(0, 0);
                }}
              />
            </>
          )}
          {step.kind === 'registered' && (
            <SuccessNotice
              title="Structure inscrite"
              message={`« ${step.structure.name} » est en attente de validation par la coordination du département : en attendant, elle n’apparaît pas dans les recherches. Vous en êtes l’administrateur et pouvez déjà préparer ses offres.`}
              next={{ href: `/structure/${step.structure.id}`, label: 'Ouvrir l’espace de la structure' }}
            />
          )}
          {step.kind === 'requested' && (
            <SuccessNotice
              title="Demande envoyée"
              message={
                step.request.kind === 'claim'
                  ? `La coordination du département va examiner votre demande de reprise de « ${step.request.structure.name} ». Vous recevrez sa réponse par courriel.`
                  : `Les administrateurs de « ${step.request.structure.name} » ont reçu votre demande. Vous recevrez leur réponse par courriel.`
              }
              next={{ href: '/structure', label: 'Retour à Ma structure' }}
            />
          )}
        </div>
      )}
    </SignedIn>
  );
}
