/**
 * The structure's own fiche, to register it (prefilled from the SIRENE directory) or to edit it:
 * same approach as the offer form — live checks by the API's dry run, French messages at the fields,
 * the address geocoded on save and a pin to drag.
 */
import { useState } from 'preact/hooks';
import type { EditedStructure, GeocodingOutcome, Structure, StructureDryRun } from '../../api/space-types.ts';
import { checkNewStructure, checkStructureEdit, createStructure, editStructure } from '../../api/space-endpoints.ts';
import { useReferentials } from '../../state/referentials.ts';
import { useCommune } from '../../search/use-commune.ts';
import { structureBody, valuesOfStructure, type StructureValues } from '../../structure/structure-values.ts';
import { errorAt, fieldId, summaryEntries } from '../../structure/field-errors.ts';
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
import { HoursEditor } from './hours-editor.tsx';
import { PinMapView } from './pin-map-view.tsx';

interface Props {
  /** The structure to edit; null registers a new one from `initial`. */
  structure: Structure | null;
  initial?: Parameters<typeof valuesOfStructure>[0];
  onSaved: (structure: EditedStructure) => void;
  submitLabel: string;
}

const FIELDS = new Set(['name', 'siret', 'description', 'typology', 'reseaux_porteurs', 'address', 'address_complement', 'postal_code', 'commune_code', 'lon', 'phone', 'email', 'website', 'opening_hours', 'accessibility_url']);
const known = (path: string) => FIELDS.has(path);

export function StructureForm({ structure, initial = null, onSaved, submitLabel }: Props) {
  const refs = useReferentials();
  const source = structure ?? initial;
  const [values, setValues] = useState<StructureValues>(() => valuesOfStructure(source));
  // Coordinates from the directory are a good point: they are sent unless the address changes.
  const [pinPlaced, setPinPlaced] = useState(!structure && source?.lon != null);
  const [touched, setTouched] = useState(false);
  const [geocoding, setGeocoding] = useState<GeocodingOutcome | null>(null);
  const [showSubmitErrors, setShowSubmitErrors] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = useSubmit();
  const stickyBar = useStickyBarPadding<HTMLDivElement>();
  const commune = useCommune(values.commune?.code ?? null);

  const body = structureBody(values, { pinPlaced });
  const live = useLiveCheck<StructureDryRun>(body, (b, signal) => (structure ? checkStructureEdit(structure.id, b as Record<string, unknown>, signal) : checkNewStructure(b as Record<string, unknown>, signal)), touched);
  const errors = { ...live.errors, ...(showSubmitErrors ? submit.fieldErrors : {}) };
  if (errors.lat && !errors.lon) errors.lon = errors.lat;
  const err = (path: string) => errorAt(errors, path);

  const set = <K extends keyof StructureValues>(key: K, value: StructureValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched(true);
    setShowSubmitErrors(false);
    setSaved(null);
    // A new address is geocoded on save, unless the person places the pin afterwards.
    if (key === 'address' || key === 'commune' || key === 'postal_code') setPinPlaced(false);
  };
  const text = (key: keyof StructureValues & string, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField id={fieldId(key)} label={label} value={values[key] as string} onValue={(v) => set(key, v as never)} error={err(key)} {...extra} />
  );

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setShowSubmitErrors(true);
    const result = await submit.run(() => (structure ? editStructure(structure.id, body) : createStructure(body)));
    if (!result) return;
    setGeocoding(result.geocoding ?? null);
    setPinPlaced(false);
    setValues(valuesOfStructure(result));
    setSaved(result.notice ? `Fiche enregistrée. ${result.notice}` : 'Fiche enregistrée.');
    onSaved(result);
  };

  if (!refs.data) return refs.error ? <ErrorNotice message={refs.error.userMessage} onRetry={refs.reload} /> : <Loading />;
  const r = refs.data;
  // The COG's spelling of the commune (the directory writes « MARMANDE »).
  const communeValue = values.commune && commune.data?.code === values.commune.code ? { ...values.commune, name: commune.data.name } : values.commune;
  const centre: [number, number] | null = commune.data?.centre ? [commune.data.centre.lon, commune.data.centre.lat] : null;
  const departement = values.commune?.departement_code || structure?.departement_code || null;

  return (
    <form class="structure-form" noValidate onSubmit={onSubmit}>
      {showSubmitErrors && submit.formError && !Object.keys(submit.fieldErrors).length && <ErrorNotice title={submit.formError.title} message={submit.formError.userMessage} />}
      <ErrorSummary errors={summaryEntries(showSubmitErrors ? submit.fieldErrors : {}, known, 'name')} />
      {live.problem && <ErrorNotice title={live.problem.title} message={live.problem.userMessage} />}
      <section class="form-section panel" aria-labelledby="identite-titre">
        <h2 id="identite-titre">Identité</h2>
        {text('name', 'Nom de la structure', { required: true, maxLength: 150, hint: 'Le nom sous lequel les professionnels la connaissent.' })}
        {text('siret', 'SIRET', { inputMode: 'numeric', hint: '14 chiffres ; il est vérifié dans le répertoire SIRENE à l’enregistrement.' })}
        <SelectField id={fieldId('typology')} label="Type de structure" value={values.typology} onValue={(v) => set('typology', v)} options={r.typologies} empty="Non précisé" error={err('typology')} />
        {text('description', 'Présentation', { multiline: true, rows: 4, hint: 'Ce que fait la structure, en quelques phrases.' })}
        <details class="disclosure" open={values.reseaux_porteurs.length > 0}>
          <summary>Réseaux porteurs {values.reseaux_porteurs.length > 0 && <span class="count">{values.reseaux_porteurs.length}</span>}</summary>
          <ChoiceList id={fieldId('reseaux_porteurs')} legend="Réseaux auxquels la structure appartient" options={r.reseaux_porteurs} selected={values.reseaux_porteurs} onChange={(v) => set('reseaux_porteurs', v)} error={err('reseaux_porteurs')} columns />
        </details>
      </section>
      <section class="form-section panel" aria-labelledby="adresse-titre">
        <h2 id="adresse-titre">Adresse</h2>
        {text('address', 'Adresse', { autoComplete: 'street-address', hint: 'Numéro et rue.' })}
        {text('address_complement', 'Complément d’adresse')}
        <div class="field-row">
          {text('postal_code', 'Code postal', { inputMode: 'numeric', maxLength: 5 })}
          <CommuneCombobox
            id={fieldId('commune_code')}
            label="Commune"
            required
            hint="Les coordinateurs de son département valident l’inscription."
            value={communeValue}
            onChange={(c) => set('commune', c)}
            error={err('commune_code')}
          />
        </div>
        <PinMapView
          id={fieldId('lon')}
          lon={values.lon}
          lat={values.lat}
          centre={centre}
          departement={departement}
          geocoding={geocoding}
          placed={pinPlaced && touched}
          error={err('lon')}
          onPlace={(lon, lat) => {
            setValues((v) => ({ ...v, lon, lat }));
            setPinPlaced(true);
            setTouched(true);
          }}
        />
      </section>
      <section class="form-section panel" aria-labelledby="coordonnees-titre">
        <h2 id="coordonnees-titre">Contact et accueil</h2>
        <div class="field-row">
          {text('phone', 'Téléphone', { type: 'tel', autoComplete: 'tel' })}
          {text('email', 'Courriel', { type: 'email', autoComplete: 'email' })}
        </div>
        {text('website', 'Site internet', { type: 'url' })}
        {text('accessibility_url', 'Informations d’accessibilité (lien)', { type: 'url', hint: 'Par exemple la page Acceslibre de l’établissement.' })}
        <HoursEditor id={fieldId('opening_hours')} value={values.opening_hours} onChange={(v) => set('opening_hours', v)} departement={departement} error={err('opening_hours')} />
      </section>
      {structure && live.result?.notice && <p class="notice notice--warning">{live.result.notice}</p>}
      <div class="form-actions form-actions--sticky" ref={stickyBar}>
        <button type="submit" class="button" disabled={submit.submitting}>
          {submit.submitting ? 'Enregistrement…' : submitLabel}
        </button>
        <span role="status" class="form-actions__status">
          {saved ?? (live.checking ? 'Vérification…' : '')}
        </span>
      </div>
    </form>
  );
}
