/**
 * The guided offer form, in six sections (présentation, pour qui, où et quand, comment orienter,
 * contact, capacité et sessions). While the person types, the API checks the offer without saving it
 * (dry run): its French messages appear at their fields, and the completeness meter says what is
 * missing to publish and what would improve the fiche. Saving creates a draft or updates the offer;
 * the API geocodes the address and the map shows the pin, which can be dragged.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { EditableOffer, GeocodingOutcome, OfferDryRun } from '../../api/space-types.ts';
import { checkNewOffer, checkOfferEdit, createOffer, editOffer } from '../../api/space-endpoints.ts';
import { useReferentials } from '../../state/referentials.ts';
import { useCommune } from '../../search/use-commune.ts';
import { offerBody, valuesOfOffer, type OfferValues } from '../../structure/offer-values.ts';
import { errorAt, fieldId, summaryEntries, type FieldErrors } from '../../structure/field-errors.ts';
import { useLiveCheck } from '../../structure/use-live-check.ts';
import { useSubmit } from '../forms/use-submit.ts';
import { useStickyBarPadding } from '../forms/use-sticky-bar-padding.ts';
import { TextField } from '../forms/text-field.tsx';
import { SelectField } from '../forms/select-field.tsx';
import { ChoiceList } from '../forms/choice-list.tsx';
import { ErrorSummary } from '../forms/error-summary.tsx';
import { CommuneCombobox } from '../search/commune-combobox.tsx';
import { ErrorNotice } from '../ui/error-notice.tsx';
import { Loading } from '../ui/loading.tsx';
import { ThematiquePicker } from './thematique-picker.tsx';
import { HoursEditor } from './hours-editor.tsx';
import { ZonePicker } from './zone-picker.tsx';
import { CommuneListPicker } from './commune-list-picker.tsx';
import { SessionsEditor } from './sessions-editor.tsx';
import { PinMapView } from './pin-map-view.tsx';
import { CompletenessMeter } from './completeness-meter.tsx';

export interface OfferFormStructure {
  id: string;
  name: string;
  departement_code: string | null;
  address: string | null;
  commune_name: string | null;
}

interface Props {
  structure: OfferFormStructure;
  /** null: a new offer. */
  offer: EditableOffer | null;
  onSaved: (offer: EditableOffer) => void;
  /** Problems found outside the form (publishing refused): shown at their fields until the next change. */
  outsideErrors?: FieldErrors;
  onEdited?: () => void;
  /** Rendered in the side column under the meter (status actions of an existing offer). */
  aside?: ComponentChildren;
}

const SECTIONS = [
  ['presentation', 'Présentation'],
  ['pour-qui', 'Pour qui'],
  ['ou-et-quand', 'Où et quand'],
  ['orienter', 'Comment orienter'],
  ['contact', 'Contact'],
  ['capacite', 'Capacité et sessions'],
] as const;

const FIELDS = new Set([
  'name', 'description', 'type', 'thematiques', 'publics', 'publics_details', 'age_min', 'age_max', 'access_conditions', 'fees', 'fees_details',
  'modes_accueil', 'address', 'address_complement', 'postal_code', 'commune_code', 'lon', 'itinerant_communes', 'zone', 'opening_hours',
  'modes_mobilisation', 'mobilisable_par', 'mobilisation_details', 'mobilisation_url', 'contact_name', 'phone', 'email', 'contact_public',
  'weekly_hours', 'weeks', 'capacity', 'places_available', 'update_frequency_months', 'sessions',
]);
const ALIASES: Readonly<Record<string, string>> = { lat: 'lon', commune_name: 'commune_code', structure_id: 'name' };
const known = (path: string) => FIELDS.has(path) || /^sessions\.\d+\.\w+$/.test(path);
const aliased = (errors: FieldErrors): FieldErrors => Object.fromEntries(Object.entries(errors).map(([p, m]) => [ALIASES[p] ?? p, m]));

const FREQUENCIES = [
  { value: '1', label: 'Tous les mois' },
  { value: '3', label: 'Tous les 3 mois' },
  { value: '6', label: 'Tous les 6 mois' },
  { value: '12', label: 'Tous les ans' },
];

export function OfferForm({ structure, offer, onSaved, outsideErrors = {}, onEdited, aside }: Props) {
  const refs = useReferentials();
  const [values, setValues] = useState<OfferValues>(() => valuesOfOffer(offer, { departement: structure.departement_code }));
  const [touched, setTouched] = useState(false);
  const [pinPlaced, setPinPlaced] = useState(false);
  const [geocoding, setGeocoding] = useState<GeocodingOutcome | null>(offer?.geocoding ?? null);
  // The submission's own problems stay at their fields until the next change.
  const [showSubmitErrors, setShowSubmitErrors] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = useSubmit();
  const stickyBar = useStickyBarPadding<HTMLDivElement>();
  const commune = useCommune(values.commune?.code ?? null);

  const body = offerBody(values, { pinPlaced });
  const live = useLiveCheck<OfferDryRun>(
    body,
    (b, signal) => (offer ? checkOfferEdit(offer.id, b as Record<string, unknown>, signal) : checkNewOffer({ ...(b as object), structure_id: structure.id }, signal)),
    touched || offer !== null,
  );
  const submitErrors = showSubmitErrors ? submit.fieldErrors : {};
  const errors = aliased({ ...live.errors, ...outsideErrors, ...submitErrors });
  const err = (path: string) => errorAt(errors, path);

  const set = <K extends keyof OfferValues>(key: K, value: OfferValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched(true);
    setShowSubmitErrors(false);
    setSaved(null);
    onEdited?.();
  };
  const text = (key: keyof OfferValues & string, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField id={fieldId(key)} label={label} value={values[key] as string} onValue={(v) => set(key, v as never)} error={err(key)} {...extra} />
  );

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setShowSubmitErrors(true);
    const result = await submit.run(() => (offer ? editOffer(offer.id, body) : createOffer({ ...body, structure_id: structure.id })));
    if (!result) return;
    setGeocoding(result.geocoding ?? null);
    setPinPlaced(false);
    setValues(valuesOfOffer(result));
    setSaved(offer ? 'Modifications enregistrées.' : 'Brouillon enregistré.');
    onSaved(result);
  };

  if (!refs.data) return refs.error ? <ErrorNotice message={refs.error.userMessage} onRetry={refs.reload} /> : <Loading />;
  const r = refs.data;
  const onSite = values.modes_accueil.includes('en-presentiel') || !values.modes_accueil.includes('a-distance');
  // The COG's spelling of the commune (the directory writes « MARMANDE »).
  const communeValue = values.commune && commune.data?.code === values.commune.code ? { ...values.commune, name: commune.data.name } : values.commune;
  const centre: [number, number] | null = commune.data?.centre ? [commune.data.centre.lon, commune.data.centre.lat] : null;
  const assessment = live.result;
  const completeness = assessment?.completeness ?? offer?.completeness ?? null;

  return (
    <div class="offer-editor">
      <form class="offer-form" noValidate onSubmit={onSubmit} aria-describedby="offre-aide">
        <p class="hint" id="offre-aide">
          Seul le nom est obligatoire pour enregistrer un brouillon. Les messages s’affichent au fur et à mesure ; rien n’est publié tant que vous ne cliquez pas sur « Publier ».
        </p>
        <nav class="form-toc" aria-label="Sections de la fiche">
          <ol>
            {SECTIONS.map(([id, title]) => (
              <li>
                <a href={`#${id}`}>{title}</a>
              </li>
            ))}
          </ol>
        </nav>
        {showSubmitErrors && submit.formError && !Object.keys(submit.fieldErrors).length && <ErrorNotice title={submit.formError.title} message={submit.formError.userMessage} />}
        <ErrorSummary errors={summaryEntries(aliased(submitErrors), known, 'name')} />

        <section class="form-section panel" id="presentation" aria-labelledby="presentation-titre">
          <h2 id="presentation-titre">1. Présentation</h2>
          {text('name', 'Nom de l’offre', { required: true, maxLength: 150, hint: 'Ce que la personne va faire, en quelques mots : « Atelier CV », « Garage solidaire »…' })}
          {text('description', 'Description', { multiline: true, rows: 6, hint: 'En quoi consiste l’action, son déroulement, ce qu’on y gagne. 200 à 2 000 caractères conviennent bien.' })}
          <SelectField id={fieldId('type')} label="Type d’offre" value={values.type} onValue={(v) => set('type', v)} options={r.types} empty="Non précisé" error={err('type')} />
          <ThematiquePicker id={fieldId('thematiques')} refs={r} selected={values.thematiques} onChange={(v) => set('thematiques', v)} error={err('thematiques')} />
        </section>

        <section class="form-section panel" id="pour-qui" aria-labelledby="pour-qui-titre">
          <h2 id="pour-qui-titre">2. Pour qui</h2>
          <ChoiceList
            id={fieldId('publics')}
            legend="Publics"
            hint="« Tous publics » ne se combine pas avec les autres."
            options={r.publics}
            selected={values.publics}
            onChange={(v) => set('publics', v.includes('tous-publics') && !values.publics.includes('tous-publics') ? ['tous-publics'] : v.filter((p) => p !== 'tous-publics' || v.length === 1))}
            error={err('publics')}
            columns
          />
          {text('publics_details', 'Précisions sur les publics', { multiline: true, rows: 2 })}
          <div class="field-row">
            {text('age_min', 'Âge minimum', { type: 'number', inputMode: 'numeric', min: 0, max: 120 })}
            {text('age_max', 'Âge maximum', { type: 'number', inputMode: 'numeric', min: 0, max: 120 })}
          </div>
          {text('access_conditions', 'Conditions d’accès', { multiline: true, rows: 3, hint: 'Prérequis, documents à apporter, orientation obligatoire…' })}
          <ChoiceList id={fieldId('fees')} legend="Frais" options={r.frais} single selected={values.fees ? [values.fees] : []} onChange={([v]) => set('fees', v ?? '')} error={err('fees')} />
          {text('fees_details', 'Précisions sur les frais', { hint: 'Le montant, ou ce qui est pris en charge.' })}
        </section>

        <section class="form-section panel" id="ou-et-quand" aria-labelledby="ou-et-quand-titre">
          <h2 id="ou-et-quand-titre">3. Où et quand</h2>
          <ChoiceList id={fieldId('modes_accueil')} legend="Accueil" options={r.modes_accueil} selected={values.modes_accueil} onChange={(v) => set('modes_accueil', v)} error={err('modes_accueil')} />
          {onSite && (
            <>
              <p class="hint">
                Sans adresse, la fiche affiche celle de la structure{structure.address ? ` (${structure.address}${structure.commune_name ? `, ${structure.commune_name}` : ''})` : ''}.
              </p>
              {text('address', 'Adresse', { autoComplete: 'street-address', hint: 'Numéro et rue, par exemple « 14 rue Léopold Faye ».' })}
              {text('address_complement', 'Complément d’adresse', { hint: 'Bâtiment, étage, salle…' })}
              <div class="field-row">
                {text('postal_code', 'Code postal', { inputMode: 'numeric', maxLength: 5 })}
                <CommuneCombobox id={fieldId('commune_code')} label="Commune" value={communeValue} onChange={(c) => set('commune', c)} error={err('commune_code')} />
              </div>
              <PinMapView
                id={fieldId('lon')}
                lon={values.lon}
                lat={values.lat}
                centre={centre}
                departement={values.commune?.departement_code || structure.departement_code}
                geocoding={geocoding}
                placed={pinPlaced}
                error={err('lon')}
                onPlace={(lon, lat) => {
                  setValues((v) => ({ ...v, lon, lat }));
                  setPinPlaced(true);
                  setTouched(true);
                  setShowSubmitErrors(false);
                }}
              />
            </>
          )}
          <CommuneListPicker
            id={fieldId('itinerant_communes')}
            label="Communes où l’offre se déplace (offre itinérante)"
            hint="Pour un bus, une permanence ou un atelier qui vient dans plusieurs communes."
            value={values.itinerant_communes}
            onChange={(v) => set('itinerant_communes', v)}
            error={err('itinerant_communes')}
          />
          <ZonePicker id={fieldId('zone')} value={values.zone} onChange={(v) => set('zone', v)} departement={structure.departement_code} error={err('zone')} />
          <HoursEditor id={fieldId('opening_hours')} value={values.opening_hours} onChange={(v) => set('opening_hours', v)} departement={values.commune?.departement_code || structure.departement_code} error={err('opening_hours')} />
        </section>

        <section class="form-section panel" id="orienter" aria-labelledby="orienter-titre">
          <h2 id="orienter-titre">4. Comment orienter</h2>
          <ChoiceList id={fieldId('modes_mobilisation')} legend="Comment orienter une personne" options={r.modes_mobilisation} selected={values.modes_mobilisation} onChange={(v) => set('modes_mobilisation', v)} error={err('modes_mobilisation')} />
          <ChoiceList id={fieldId('mobilisable_par')} legend="Qui peut orienter" options={r.personnes_mobilisatrices} selected={values.mobilisable_par} onChange={(v) => set('mobilisable_par', v)} error={err('mobilisable_par')} />
          {text('mobilisation_details', 'Précisions pour orienter', { multiline: true, rows: 3, hint: 'Fiche de prescription, entretien préalable, délai…' })}
          {text('mobilisation_url', 'Lien pour orienter', { type: 'url', hint: 'Formulaire en ligne, prise de rendez-vous…' })}
        </section>

        <section class="form-section panel" id="contact" aria-labelledby="contact-titre">
          <h2 id="contact-titre">5. Contact</h2>
          {text('contact_name', 'Personne à contacter', { autoComplete: 'name' })}
          <div class="field-row">
            {text('phone', 'Téléphone', { type: 'tel', autoComplete: 'tel', hint: 'Par exemple 05 53 12 34 56.' })}
            {text('email', 'Courriel', { type: 'email', autoComplete: 'email' })}
          </div>
          <div class="checkbox">
            <input type="checkbox" id={fieldId('contact_public')} checked={values.contact_public} onChange={(e) => set('contact_public', (e.currentTarget as HTMLInputElement).checked)} />
            <label for={fieldId('contact_public')}>Afficher ce contact à tout le monde (sinon : aux professionnels connectés seulement)</label>
          </div>
        </section>

        <section class="form-section panel" id="capacite" aria-labelledby="capacite-titre">
          <h2 id="capacite-titre">6. Capacité et sessions</h2>
          <div class="field-row">
            {text('weekly_hours', 'Heures par semaine', { type: 'number', inputMode: 'decimal', min: 0, max: 168, hint: 'Utile pour l’obligation d’activité de 15 à 20 h du RSA.' })}
            {text('weeks', 'Durée en semaines', { type: 'number', inputMode: 'numeric', min: 1 })}
          </div>
          <div class="field-row">
            {text('capacity', 'Places au total', { type: 'number', inputMode: 'numeric', min: 0 })}
            {text('places_available', 'Places disponibles', { type: 'number', inputMode: 'numeric', min: 0 })}
          </div>
          <SessionsEditor value={values.sessions} onChange={(v) => set('sessions', v)} errors={errors} />
          <SelectField
            id={fieldId('update_frequency_months')}
            label="À confirmer"
            hint="Le service vous demandera de confirmer que la fiche est à jour à ce rythme."
            value={values.update_frequency_months}
            onValue={(v) => set('update_frequency_months', v)}
            options={FREQUENCIES}
            error={err('update_frequency_months')}
          />
        </section>

        <div class="form-actions form-actions--sticky" ref={stickyBar}>
          <button type="submit" class="button" disabled={submit.submitting}>
            {submit.submitting ? 'Enregistrement…' : offer ? 'Enregistrer les modifications' : 'Enregistrer le brouillon'}
          </button>
          <span role="status" class="form-actions__status">
            {saved ?? (live.checking ? 'Vérification…' : '')}
          </span>
          {completeness != null && (
            <a class="form-actions__completeness" href="#completude">
              Complétude {Math.round(completeness * 100)} %{assessment?.publication_problems.length ? ` · ${assessment.publication_problems.length} point${assessment.publication_problems.length > 1 ? 's' : ''} à compléter pour publier` : ''}
            </a>
          )}
        </div>
      </form>
      <aside class="offer-editor__aside">
        <CompletenessMeter
          completeness={completeness}
          advice={assessment?.completeness_advice ?? []}
          problems={assessment?.publication_problems ?? []}
          checking={live.checking}
          invalid={Object.entries(aliased(live.errors)).map(([path, message]) => ({ path, message }))}
        />
        {live.problem && <ErrorNotice title={live.problem.title} message={live.problem.userMessage} />}
        {aside}
      </aside>
    </div>
  );
}
