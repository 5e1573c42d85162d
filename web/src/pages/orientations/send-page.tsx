/**
 * /orientation/envoyer — send the orientation basket to the structures: one orientation per chosen
 * action, in one request. Signed-in professionals only; only actions mobilisable by professionals
 * can be sent (the others say how to reach them). The form asks the minimum about the person, warns
 * against any health or sensitive detail, and requires the person's consent.
 */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { ApiError } from '../../api/client.ts';
import { getOffer } from '../../api/endpoints.ts';
import type { OfferDetail } from '../../api/types.ts';
import { sendOrientation, type OrientationSummary } from '../../api/orientations.ts';
import { CONTACT_PREFERENCES, CONTACT_PREFERENCE_LABELS, REASONS_MAX, type ContactPreferenceValue } from '../../../../api/domain/orientation-choices.ts';
import { useBasket } from '../../state/basket.ts';
import { useAuth } from '../../state/auth.ts';
import { useAsync } from '../../state/use-async.ts';
import { plural } from '../../format.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { SuccessNotice } from '../../components/ui/success-notice.tsx';
import { TextField } from '../../components/forms/text-field.tsx';
import { FieldHead, describedByOf } from '../../components/forms/field-head.tsx';
import { FormProblems } from '../../components/forms/form-problems.tsx';
import { ChoiceList } from '../../components/forms/choice-list.tsx';
import { useSubmit } from '../../components/forms/use-submit.ts';
import { SensitiveWarning } from '../../components/orientations/sensitive-warning.tsx';
import '../../styles/orientations.css';

const FIELDS = {
  offer_ids: 'actions',
  first_name: 'prenom',
  last_name: 'nom',
  contact_preference: 'joindre',
  phone: 'telephone',
  email: 'courriel',
  availability: 'disponibilites',
  reasons: 'motifs',
  consent: 'accord',
};

const isMobilisable = (offer: OfferDetail) => offer.mobilisable_par?.includes('professionnels') ?? false;

export function SendOrientationPage(_: PageProps) {
  useTitle('Envoyer l’orientation');
  const auth = useAuth();
  const basket = useBasket();
  const ids = basket.map((b) => b.id);
  const offers = useAsync(
    (signal) => Promise.all(ids.map((id) => getOffer(id, signal).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))))),
    [ids.join(',')],
  );
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [preference, setPreference] = useState<ContactPreferenceValue | ''>('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [availability, setAvailability] = useState('');
  const [reasons, setReasons] = useState('');
  const [consent, setConsent] = useState(false);
  const [sent, setSent] = useState<OrientationSummary[] | null>(null);
  const [submittedIds, setSubmittedIds] = useState<string[]>([]);
  const submit = useSubmit();

  if (auth.status === 'loading') return <Loading />;
  if (auth.status === 'anonymous' || !auth.me.roles.professional) {
    return (
      <div class="page-narrow">
        <h1>Envoyer l’orientation</h1>
        {auth.status === 'anonymous' ? (
          <>
            <p>L’envoi d’une orientation aux structures est réservé aux professionnels connectés.</p>
            <p>
              <a class="button" href="/connexion?retour=%2Forientation%2Fenvoyer">
                Se connecter
              </a>
            </p>
          </>
        ) : (
          <p>Confirmez d’abord votre adresse électronique avec le lien reçu par courriel : l’envoi d’orientations est réservé aux professionnels dont l’adresse est confirmée.</p>
        )}
        <p>
          <a href="/orientation">Retour à l’orientation</a>
        </p>
      </div>
    );
  }

  const loaded = (offers.data ?? []).filter((o): o is OfferDetail => o !== null);
  const mobilisable = loaded.filter(isMobilisable);
  const others = loaded.filter((o) => !isMobilisable(o));
  const isChosen = (id: string) => chosen[id] ?? true;
  const selected = mobilisable.filter((o) => isChosen(o.id)).map((o) => o.id);

  // Errors on offer_ids.N point at the N-th action sent.
  const offerError = (id: string) => {
    const i = submittedIds.indexOf(id);
    return i >= 0 ? submit.fieldErrors[`offer_ids.${i}`] : undefined;
  };
  const fields: Record<string, string> = { ...FIELDS, ...Object.fromEntries(submittedIds.map((id, i) => [`offer_ids.${i}`, `action-${id}`])) };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!selected.length) local.offer_ids = 'Choisissez au moins une action à laquelle envoyer l’orientation.';
    if (!firstName.trim()) local.first_name = 'Indiquez le prénom de la personne.';
    if (!lastName.trim()) local.last_name = 'Indiquez le nom de la personne.';
    if (!preference) local.contact_preference = 'Choisissez comment joindre la personne.';
    if (!reasons.trim()) local.reasons = 'Indiquez en quelques mots pourquoi vous orientez la personne.';
    if (!consent) local.consent = 'Cochez cette case : la personne doit avoir donné son accord.';
    if (Object.keys(local).length) return submit.fail(local);
    setSubmittedIds(selected);
    const result = await submit.run(() =>
      sendOrientation({
        offer_ids: selected,
        first_name: firstName,
        last_name: lastName,
        contact_preference: preference,
        ...(phone.trim() ? { phone } : {}),
        ...(email.trim() ? { email } : {}),
        ...(availability.trim() ? { availability } : {}),
        reasons,
        consent,
      }),
    );
    if (result) {
      setSent(result.orientations);
      window.scrollTo(0, 0);
    }
  };

  if (sent) {
    return (
      <div class="page-medium">
        <h1>Orientation envoyée</h1>
        <SuccessNotice
          title={`${plural(sent.length, 'structure prévenue', 'structures prévenues')}`}
          message="Un courriel part vers chaque structure avec un lien pour répondre : « Mes orientations » indique s’il lui a bien été remis, et permet de le renvoyer. Vous recevrez un courriel à chaque réponse, et la personne (si vous avez donné son adresse) est informée de l’envoi."
          next={{ href: '/mes-orientations', label: 'Suivre mes orientations' }}
        >
          <ul>
            {sent.map((o) => (
              <li>
                {o.offer.name} — {o.structure.name}
              </li>
            ))}
          </ul>
        </SuccessNotice>
      </div>
    );
  }

  return (
    <div class="page-medium">
      <h1>Envoyer l’orientation</h1>
      <p class="lead">Les structures choisies reçoivent la demande par courriel et répondent en ligne, sans compte. Vous suivez leurs réponses dans « Mes orientations ».</p>
      {offers.error && <p class="notice notice--error">{offers.error.userMessage}</p>}
      {!offers.data && !offers.error && <Loading label="Chargement des actions…" />}
      {offers.data && basket.length === 0 && (
        <p class="notice notice--info">
          Aucune action dans l’orientation. Ajoutez-en depuis <a href="/">la recherche</a> ou <a href="/diagnostic">le diagnostic</a>.
        </p>
      )}
      {offers.data && basket.length > 0 && (
        <>
          <FormProblems submit={submit} fields={fields} />
          <form class="panel" noValidate onSubmit={onSubmit}>
            <fieldset aria-describedby={describedByOf(FIELDS.offer_ids, undefined, submit.fieldErrors.offer_ids)}>
              <legend>Actions auxquelles envoyer la demande</legend>
              {submit.fieldErrors.offer_ids && (
                <p class="field__error" id={`${FIELDS.offer_ids}-erreur`}>
                  {submit.fieldErrors.offer_ids}
                </p>
              )}
              {mobilisable.length === 0 && <p>Aucune des actions choisies ne se mobilise par un professionnel.</p>}
              <ul class="offer-choices">
                {mobilisable.map((o, i) => (
                  <li>
                    <div class="checkbox">
                      <input
                        type="checkbox"
                        id={i === 0 ? FIELDS.offer_ids : `action-${o.id}`}
                        checked={isChosen(o.id)}
                        onChange={(e) => setChosen({ ...chosen, [o.id]: (e.currentTarget as HTMLInputElement).checked })}
                      />
                      <label for={i === 0 ? FIELDS.offer_ids : `action-${o.id}`}>
                        <strong>{o.name}</strong> — {o.structure.name}
                        {o.places_available === 0 && <span class="hint-inline"> (complet pour l’instant)</span>}
                      </label>
                    </div>
                    {offerError(o.id) && <p class="field__error">{offerError(o.id)}</p>}
                  </li>
                ))}
              </ul>
              {others.length > 0 && (
                <div class="notice notice--info">
                  <div>
                    <p class="notice__title">Ces actions ne reçoivent pas d’orientation d’un professionnel</p>
                    <p>La personne s’y adresse elle-même : leur fiche dit comment.</p>
                    <ul>
                      {others.map((o) => (
                        <li>
                          <a href={`/offres/${o.id}`}>{o.name}</a> — {o.structure.name}
                        </li>
                      ))}
                    </ul>
                  </div>
                </div>
              )}
            </fieldset>

            <h2>La personne</h2>
            <TextField id={FIELDS.first_name} label="Prénom" autoComplete="off" required maxLength={80} value={firstName} onValue={setFirstName} error={submit.fieldErrors.first_name} />
            <TextField id={FIELDS.last_name} label="Nom" autoComplete="off" required maxLength={80} value={lastName} onValue={setLastName} error={submit.fieldErrors.last_name} />
            <ChoiceList
              id={FIELDS.contact_preference}
              legend="Comment la structure doit-elle la joindre ?"
              required
              single
              inline
              options={CONTACT_PREFERENCES.map((value) => ({ value, label: CONTACT_PREFERENCE_LABELS[value] }))}
              selected={preference ? [preference] : []}
              onChange={([value]) => setPreference(value as ContactPreferenceValue)}
              error={submit.fieldErrors.contact_preference}
            />
            <TextField
              id={FIELDS.phone}
              label="Téléphone de la personne"
              autoComplete="off"
              hint="Obligatoire si elle préfère être appelée. Ex. 06 12 34 56 78"
              value={phone}
              onValue={setPhone}
              error={submit.fieldErrors.phone}
            />
            <TextField
              id={FIELDS.email}
              type="email"
              label="Courriel de la personne"
              autoComplete="off"
              hint="Obligatoire si elle préfère un courriel. Elle sera informée de l’envoi et de l’acceptation (jamais d’un refus)."
              value={email}
              onValue={setEmail}
              error={submit.fieldErrors.email}
            />
            <TextField
              id={FIELDS.availability}
              label="Disponibilités"
              hint="Facultatif. Ex. les mardis et jeudis matin, pas avant 10 h."
              maxLength={300}
              value={availability}
              onValue={setAvailability}
              error={submit.fieldErrors.availability}
            />

            <h2>Pourquoi cette orientation</h2>
            <SensitiveWarning id="avertissement-sensible" />
            <div class={`field${submit.fieldErrors.reasons ? ' field--error' : ''}`}>
              <FieldHead id={FIELDS.reasons} label="Motifs de l’orientation" required hint={`${REASONS_MAX} caractères au plus. Ce que la structure doit savoir pour l’accueillir.`} error={submit.fieldErrors.reasons} />
              <textarea
                id={FIELDS.reasons}
                maxLength={REASONS_MAX}
                value={reasons}
                aria-required
                aria-invalid={submit.fieldErrors.reasons ? true : undefined}
                aria-describedby={[describedByOf(FIELDS.reasons, 'aide', submit.fieldErrors.reasons), 'avertissement-sensible', 'motifs-compte'].join(' ')}
                onInput={(e) => setReasons((e.currentTarget as HTMLTextAreaElement).value)}
              />
              <p class="char-count" id="motifs-compte" aria-live="polite">
                {reasons.length} / {REASONS_MAX} caractères
              </p>
            </div>

            <div class={`field${submit.fieldErrors.consent ? ' field--error' : ''}`}>
              {submit.fieldErrors.consent && (
                <p class="field__error" id={`${FIELDS.consent}-erreur`}>
                  {submit.fieldErrors.consent}
                </p>
              )}
              <div class="checkbox">
                <input
                  type="checkbox"
                  id={FIELDS.consent}
                  checked={consent}
                  aria-required
                  aria-describedby={submit.fieldErrors.consent ? `${FIELDS.consent}-erreur` : undefined}
                  onChange={(e) => setConsent((e.currentTarget as HTMLInputElement).checked)}
                />
                <label for={FIELDS.consent}>
                  La personne est d’accord pour que ces informations soient transmises aux structures choisies, et je l’ai informée qu’elles seront effacées
                  automatiquement quelques mois après la réponse. <span class="required">(obligatoire)</span>
                </label>
              </div>
            </div>

            <div class="form-actions">
              <button type="submit" class="button" disabled={submit.submitting || !mobilisable.length}>
                {submit.submitting ? 'Envoi…' : selected.length > 1 ? `Envoyer les ${selected.length} demandes` : 'Envoyer l’orientation'}
              </button>
              <a href="/orientation">Retour à l’orientation</a>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
