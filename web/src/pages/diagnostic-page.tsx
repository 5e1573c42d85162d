/**
 * /diagnostic — the referent's matching: barriers or Carnet de bord situations, publics, age,
 * vehicle → POST /api/match → actions grouped per barrier, unmet barriers called out; actions go to
 * the orientation basket.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageProps } from '../routes.ts';
import { matchProfile } from '../api/endpoints.ts';
import type { MatchResponse } from '../api/types.ts';
import { useReferentials } from '../state/referentials.ts';
import { useBasket } from '../state/basket.ts';
import { joinFrench, plural } from '../format.ts';
import { useTitle } from '../components/ui/use-title.ts';
import { Loading } from '../components/ui/loading.tsx';
import { ErrorNotice } from '../components/ui/error-notice.tsx';
import { Icon } from '../components/ui/icon.tsx';
import { CommuneCombobox } from '../components/search/commune-combobox.tsx';
import { BarrierChips } from '../components/search/barrier-chips.tsx';
import { CheckboxGroup } from '../components/search/checkbox-group.tsx';
import { useSubmit } from '../components/forms/use-submit.ts';
import { FormProblems } from '../components/forms/form-problems.tsx';
import { SituationPicker } from '../components/diagnostic/situation-picker.tsx';
import { MatchGroupView } from '../components/diagnostic/match-group-view.tsx';
import { EMPTY_DRAFT, loadDraft, profileOf, saveDraft, type DiagnosticDraft } from '../components/diagnostic/diagnostic-draft.ts';
import { RADIUS_CHOICES, widerRadius } from '../search/search-state.ts';
import { de } from '../lib/french.ts';

const FIELDS = { commune: 'diagnostic-commune', barriers: 'diagnostic-freins', age: 'diagnostic-age', max_km: 'diagnostic-distance' };
const RESULT_KEY = 'offre-insertion:diagnostic-resultat';

export function DiagnosticPage(_: PageProps) {
  useTitle('Diagnostic');
  const refs = useReferentials();
  const basket = useBasket();
  const [draft, setDraft] = useState<DiagnosticDraft>(loadDraft);
  const [result, setResult] = useState<MatchResponse | null>(() => {
    try {
      return JSON.parse(sessionStorage.getItem(RESULT_KEY) ?? 'null') as MatchResponse | null;
    } catch {
      return null;
    }
  });
  const submit = useSubmit();
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const patch = (p: Partial<DiagnosticDraft>) => setDraft((d) => ({ ...d, ...p }));
  useEffect(() => saveDraft(draft), [draft]);

  const run = async (d: DiagnosticDraft) => {
    const local: Record<string, string> = {};
    if (!d.commune) local.commune = 'Choisissez la commune de la personne dans la liste.';
    if (!d.barriers.length && !d.situations.length && !d.q.trim()) local.barriers = 'Choisissez au moins un frein ou une situation (ou tapez un mot-clé).';
    if (d.age.trim() && !/^\d{1,3}$/.test(d.age.trim())) local.age = 'Indiquez l’âge en années (nombre entier).';
    if (Object.keys(local).length) return submit.fail(local);
    const answer = await submit.run(() => matchProfile(profileOf(d)));
    if (answer) {
      setResult(answer);
      try {
        sessionStorage.setItem(RESULT_KEY, JSON.stringify(answer));
      } catch {
        // Not kept across pages: fine.
      }
      requestAnimationFrame(() => resultsHeading.current?.focus());
    }
  };

  const reset = () => {
    setDraft(EMPTY_DRAFT);
    setResult(null);
    sessionStorage.removeItem(RESULT_KEY);
  };

  if (!refs.data) {
    return (
      <>
        <h1>Diagnostic</h1>
        {refs.error ? <ErrorNotice message={refs.error.userMessage} onRetry={refs.reload} /> : <Loading />}
      </>
    );
  }
  const r = refs.data;
  const unmet = result?.groups.filter((g) => g.unmet) ?? [];
  const wider = result ? widerRadius(result.radius_km) : null;
  return (
    <div class="diagnostic-page">
      <h1>Diagnostic : quelles actions pour cette personne ?</h1>
      <p class="lead">Rien de ce que vous saisissez n’est enregistré ni transmis avec un nom : seuls la commune et les besoins servent à chercher.</p>
      <FormProblems submit={submit} fields={FIELDS} />
      <form
        class="diagnostic-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run(draft);
        }}
      >
        <CommuneCombobox id={FIELDS.commune} label="Commune de la personne" required value={draft.commune} onChange={(commune) => patch({ commune })} error={submit.fieldErrors.commune} />
        <div id={FIELDS.barriers} tabIndex={-1} class={submit.fieldErrors.barriers ? 'field--error' : undefined}>
          {submit.fieldErrors.barriers && <p class="field__error">{submit.fieldErrors.barriers}</p>}
          <BarrierChips
            legend="Freins identifiés"
            barriers={r.barriers}
            selected={draft.barriers}
            onToggle={(key) => patch({ barriers: draft.barriers.includes(key) ? draft.barriers.filter((b) => b !== key) : [...draft.barriers, key] })}
          />
          <SituationPicker refs={r} selected={draft.situations} onChange={(situations) => patch({ situations })} />
        </div>
        <div class="diagnostic-grid">
          <CheckboxGroup legend="Public" options={r.publics.filter((p) => p.value !== 'tous-publics')} selected={draft.publics} onChange={(publics) => patch({ publics })} showEmpty />
          <div>
            <div class={`field${submit.fieldErrors.age ? ' field--error' : ''}`}>
              <label for={FIELDS.age}>Âge</label>
              {submit.fieldErrors.age && <p class="field__error">{submit.fieldErrors.age}</p>}
              <input id={FIELDS.age} type="number" inputMode="numeric" min={0} max={120} value={draft.age} onInput={(e) => patch({ age: (e.currentTarget as HTMLInputElement).value })} />
            </div>
            <fieldset>
              <legend>Véhicule (voiture, deux-roues)</legend>
              <div class="radio-row">
                {(
                  [
                    ['oui', 'Oui'],
                    ['non', 'Non'],
                    ['', 'Non renseigné'],
                  ] as const
                ).map(([value, text]) => (
                  <div class="radio">
                    <input type="radio" name="vehicule" id={`vehicule-${value || 'inconnu'}`} checked={draft.vehicle === value} onChange={() => patch({ vehicle: value })} />
                    <label for={`vehicule-${value || 'inconnu'}`}>{text}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            <div class="field">
              <label for={FIELDS.max_km}>Distance maximale</label>
              <select id={FIELDS.max_km} value={draft.maxKm} onChange={(e) => patch({ maxKm: (e.currentTarget as HTMLSelectElement).value })}>
                <option value="">Automatique (30 km, 15 km sans véhicule)</option>
                {RADIUS_CHOICES.map((km) => (
                  <option value={String(km)}>{km} km</option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="diagnostic-mot-cle">
                Mot-clé <span class="hint-inline">(facultatif)</span>
              </label>
              <input id="diagnostic-mot-cle" type="search" maxLength={200} value={draft.q} placeholder="permis, FLE…" onInput={(e) => patch({ q: (e.currentTarget as HTMLInputElement).value })} />
            </div>
          </div>
        </div>
        <div class="form-actions">
          <button type="submit" class="button" disabled={submit.submitting}>
            <Icon name="search" />
            {submit.submitting ? 'Recherche…' : 'Trouver des actions'}
          </button>
          <button type="button" class="button button--tertiary" onClick={reset}>
            Nouveau diagnostic
          </button>
        </div>
      </form>

      {result && (
        <section class="diagnostic-results" aria-labelledby="resultats-diagnostic">
          <h2 id="resultats-diagnostic" tabIndex={-1} ref={resultsHeading}>
            Actions autour {de(result.commune.name)} (à moins de {result.radius_km} km ou à distance)
          </h2>
          {unmet.length > 0 && (
            <div class="notice notice--warning" data-testid="unmet-barriers">
              <Icon name="alert" />
              <div>
                <p class="notice__title">
                  {unmet.length === 1 ? 'Un frein reste sans réponse' : `${unmet.length} freins restent sans réponse`} : {joinFrench(unmet.map((g) => g.label))}.
                </p>
                {wider && (
                  <button
                    type="button"
                    class="button"
                    onClick={() => {
                      const next = { ...draft, maxKm: String(wider) };
                      setDraft(next);
                      void run(next);
                    }}
                  >
                    Chercher à {wider} km
                  </button>
                )}
              </div>
            </div>
          )}
          {result.groups.length === 0 && <p>Aucune action trouvée pour ce mot-clé.</p>}
          {result.groups.map((g) => (
            <MatchGroupView group={g} refs={r} radiusKm={result.radius_km} />
          ))}
          <p class="basket-cta">
            <a class="button" href="/orientation">
              <Icon name="list" />
              Voir l’orientation ({plural(basket.length, 'action')})
            </a>
          </p>
        </section>
      )}
    </div>
  );
}
