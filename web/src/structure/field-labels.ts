/** French names of the offer and structure fields (and of a structure's people), and readable values, for the history of changes. */
import type { Referentials } from '../api/types.ts';
import { label } from '../state/referentials.ts';
import { roleLabel } from './roles.ts';
import { dateTimeText } from '../format.ts';

const LABELS: Readonly<Record<string, string>> = {
  name: 'Nom',
  description: 'Description',
  type: 'Type',
  thematiques: 'Thématiques',
  publics: 'Publics',
  publics_details: 'Précisions sur les publics',
  age_min: 'Âge minimum',
  age_max: 'Âge maximum',
  access_conditions: 'Conditions d’accès',
  fees: 'Frais',
  fees_details: 'Précisions sur les frais',
  modes_accueil: 'Modes d’accueil',
  itinerant_communes: 'Communes visitées',
  zone: 'Zone d’éligibilité',
  address: 'Adresse',
  address_complement: 'Complément d’adresse',
  postal_code: 'Code postal',
  commune_code: 'Commune (code INSEE)',
  commune_name: 'Commune',
  lon: 'Longitude',
  lat: 'Latitude',
  modes_mobilisation: 'Comment orienter',
  mobilisable_par: 'Qui peut orienter',
  mobilisation_details: 'Précisions pour orienter',
  mobilisation_url: 'Lien pour orienter',
  contact_name: 'Nom du contact',
  phone: 'Téléphone',
  email: 'Courriel',
  contact_public: 'Contact visible par tous',
  opening_hours: 'Horaires',
  weekly_hours: 'Heures par semaine',
  weeks: 'Durée (semaines)',
  capacity: 'Places au total',
  places_available: 'Places disponibles',
  status: 'Statut',
  suspended_until: 'Suspendue jusqu’au',
  update_frequency_months: 'Fréquence de mise à jour (mois)',
  updated_on: 'Date de mise à jour',
  confirmed_at: 'Dernière confirmation',
  reviewed_at: 'Dernière relecture',
  sessions: 'Sessions',
  siret: 'SIRET',
  typology: 'Typologie',
  reseaux_porteurs: 'Réseaux porteurs',
  website: 'Site internet',
  accessibility_url: 'Accessibilité',
  validated_at: 'Validation',
  rejection_reason: 'Motif du refus',
  // Who may act for a structure: members, invitations (by address, `email`), join requests.
  member: 'Membre',
  role: 'Rôle',
  requester: 'Demande de',
  structure_id: 'Structure',
  source: 'Source des données',
  source_id: 'Identifiant chez la source',
  departement_code: 'Département',
};

/** Fields whose values are codes of a referential: shown by their French labels. */
const REFERENTIAL_OF: Readonly<Record<string, Parameters<typeof label>[1]>> = {
  thematiques: 'thematiques',
  publics: 'publics',
  type: 'types',
  fees: 'frais',
  modes_accueil: 'modes_accueil',
  modes_mobilisation: 'modes_mobilisation',
  mobilisable_par: 'personnes_mobilisatrices',
  typology: 'typologies',
};

/** Fields holding an instant (ISO): shown as a French date and time. */
const INSTANTS = new Set(['confirmed_at', 'reviewed_at', 'validated_at']);

const instantText = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : dateTimeText(iso));

const STATUS: Readonly<Record<string, string>> = { draft: 'brouillon', published: 'publiée', suspended: 'suspendue', archived: 'archivée', pending: 'en attente', validated: 'validée', rejected: 'refusée' };

export function fieldLabel(field: string): string {
  return LABELS[field] ?? field;
}

/**
 * A value of the audit log as text: « vide », « oui »/« non », lists joined, sessions by their dates,
 * roles in French, referential codes by their labels (with `refs`), instants as French dates.
 */
export function valueText(value: unknown, field?: string, refs: Referentials | null = null): string {
  if (field === 'role' && (value === 'admin' || value === 'member')) return roleLabel(value);
  if (value == null || value === '' || (Array.isArray(value) && !value.length)) return 'vide';
  const list = field ? REFERENTIAL_OF[field] : undefined;
  if (list && refs && (typeof value === 'string' || Array.isArray(value))) {
    return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? label(refs, list, v) : String(v))).join(', ');
  }
  if (field && INSTANTS.has(field) && typeof value === 'string') return instantText(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (field === 'status' && typeof value === 'string') return STATUS[value] ?? value;
  if (typeof value === 'string') return value.length > 160 ? `${value.slice(0, 157)}…` : value;
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'object' && v && 'starts_on' in v ? `session du ${(v as { starts_on: string }).starts_on}` : valueText(v))).join(', ');
  }
  return String(value);
}
