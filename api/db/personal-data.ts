/**
 * The registry of personal data: every column of every table, classified. A column holding data
 * about a person names its rule:
 *   - `anonymise` / `delete-row`: a retention task (db/retention.ts, run by the maintenance job)
 *     blanks the column (NULL) or deletes the row once its time has come — the beneficiary's details
 *     ORIENTATION_RETENTION_DAYS after the orientation request closed, for instance;
 *   - `account`: the account holder's own data, shown to them and removed with the account (the
 *     users row, or a row that cascades from it);
 *   - `published-contact`: a professional contact a structure publishes on purpose (offer or
 *     structure phone, e-mail, contact name), changed or removed by the structure itself.
 * test/unit/personal-data.test.ts fails when a table gains a column this file does not classify,
 * when a personal column has no rule, and when a task does not blank what the registry says it does.
 * The search engine's own tables (search_fts*, search_documents...) are derived copies of published
 * offers, rebuilt from `offers`, and are not listed.
 */
export type RetentionTask = 'orientation-retention' | 'report-emails' | 'mail-outbox' | 'expired-tokens';

export type PersonalRule =
  | { kind: 'anonymise'; task: RetentionTask }
  | { kind: 'delete-row'; task: RetentionTask }
  | { kind: 'account' }
  | { kind: 'published-contact' };

export interface TableClassification {
  /** Columns holding nothing about a person (ids, codes, dates, statuses, public catalogue content). */
  other: readonly string[];
  /** Columns about a person: what they hold and the rule that ends them. */
  personal: Readonly<Record<string, { what: string; rule: PersonalRule }>>;
}

const orientation = { kind: 'anonymise', task: 'orientation-retention' } as const;
const account = { kind: 'account' } as const;
const published = { kind: 'published-contact' } as const;
const outbox = { kind: 'delete-row', task: 'mail-outbox' } as const;

export const PERSONAL_DATA: Readonly<Record<string, TableClassification>> = {
  regions: { other: ['code', 'name'], personal: {} },
  departements: { other: ['code', 'name', 'region_code', 'chef_lieu'], personal: {} },
  epci: { other: ['code', 'name', 'kind', 'population'], personal: {} },
  communes: {
    other: ['code', 'name', 'search_name', 'departement_code', 'region_code', 'epci_code', 'arrondissement_code', 'postal_codes', 'population', 'lon', 'lat'],
    personal: {},
  },
  areas: { other: ['id', 'departement_code', 'name', 'kind', 'chef_lieu'], personal: {} },
  area_communes: { other: ['area_id', 'commune_code'], personal: {} },
  contours: { other: ['kind', 'code', 'geometry'], personal: {} },
  territory_loads: { other: ['id', 'cog_version', 'communes', 'centres', 'loaded_at'], personal: {} },
  structures: {
    other: [
      'id', 'source', 'source_id', 'siret', 'name', 'description', 'typology', 'reseaux_porteurs', 'address', 'address_complement', 'postal_code',
      'commune_code', 'commune_name', 'departement_code', 'lon', 'lat', 'website', 'opening_hours', 'accessibility_url', 'source_url', 'status',
      'updated_on', 'confirmed_at', 'created_at', 'updated_at', 'validated_at', 'rejection_reason',
    ],
    personal: {
      phone: { what: 'téléphone de la structure (peut être celui d’une personne)', rule: published },
      email: { what: 'courriel de la structure (peut être celui d’une personne)', rule: published },
    },
  },
  offers: {
    other: [
      'id', 'structure_id', 'source', 'source_id', 'name', 'description', 'type', 'thematiques', 'publics', 'publics_details', 'age_min', 'age_max',
      'access_conditions', 'fees', 'fees_details', 'modes_accueil', 'itinerant_communes', 'zone', 'address', 'address_complement', 'postal_code',
      'commune_code', 'commune_name', 'departement_code', 'lon', 'lat', 'modes_mobilisation', 'mobilisable_par', 'mobilisation_details',
      'mobilisation_url', 'contact_public', 'opening_hours', 'weekly_hours', 'weeks', 'capacity', 'places_available', 'source_url', 'status',
      'suspended_until', 'update_frequency_months', 'updated_on', 'confirmed_at', 'completeness', 'created_at', 'updated_at', 'reviewed_at',
    ],
    personal: {
      contact_name: { what: 'nom du contact de l’action', rule: published },
      phone: { what: 'téléphone du contact de l’action', rule: published },
      email: { what: 'courriel du contact de l’action', rule: published },
    },
  },
  offer_sessions: { other: ['id', 'offer_id', 'label', 'starts_on', 'ends_on', 'capacity', 'places_available'], personal: {} },
  search_outbox: { other: ['id', 'offer_id', 'enqueued_at', 'attempts', 'next_attempt_at', 'last_error'], personal: {} },
  unmet_needs: { other: ['commune_code', 'barrier', 'day', 'count'], personal: {} },
  users: {
    other: ['id', 'password_iterations', 'email_verified_at', 'is_admin', 'created_at', 'updated_at'],
    personal: {
      email: { what: 'courriel du compte', rule: account },
      name: { what: 'nom du titulaire du compte', rule: account },
      password_hash: { what: 'empreinte du mot de passe', rule: account },
      password_salt: { what: 'sel du mot de passe', rule: account },
    },
  },
  sessions: { other: ['id', 'user_id', 'created_at', 'last_seen_at', 'expires_at'], personal: {} },
  email_tokens: {
    other: ['id', 'purpose', 'user_id', 'structure_id', 'role', 'created_by', 'created_at', 'expires_at', 'used_at'],
    personal: { email: { what: 'adresse à qui le lien a été envoyé (invitation sans compte)', rule: { kind: 'delete-row', task: 'expired-tokens' } } },
  },
  // Keys are HMACs (server secret) of an IP or an address, purged once their window is over.
  rate_limit_events: { other: ['key', 'at'], personal: {} },
  memberships: { other: ['user_id', 'structure_id', 'role', 'created_at'], personal: {} },
  coordinator_scopes: { other: ['user_id', 'departement_code', 'created_at'], personal: {} },
  // Delivery state only besides the mail itself; last_error has its addresses masked when stored.
  mail_outbox: {
    other: ['id', 'created_at', 'status', 'attempts', 'next_attempt_at', 'last_error', 'sent_at', 'topic', 'orientation_id'],
    personal: {
      recipient: { what: 'destinataire d’un courriel (file d’envoi)', rule: outbox },
      reply_to: { what: 'adresse de réponse d’un courriel (le professionnel)', rule: outbox },
      subject: { what: 'objet d’un courriel', rule: outbox },
      text: { what: 'texte d’un courriel', rule: outbox },
      html: { what: 'texte d’un courriel (HTML)', rule: outbox },
    },
  },
  server_secrets: { other: ['name', 'value', 'created_at'], personal: {} },
  audit_log: {
    other: ['id', 'entity', 'entity_id', 'structure_id', 'actor_user_id', 'action', 'reason', 'at'],
    personal: { changes: { what: 'anciennes et nouvelles valeurs des champs, contacts publiés compris ; noms des membres de la structure et adresses invitées', rule: published } },
  },
  join_requests: {
    other: ['id', 'user_id', 'structure_id', 'status', 'created_at', 'answered_at', 'answered_by', 'kind'],
    personal: {
      message: { what: 'message du demandeur', rule: account },
      answer_reason: { what: 'motif de la réponse au demandeur', rule: account },
    },
  },
  offer_reports: {
    other: ['id', 'offer_id', 'message', 'status', 'created_at', 'resolved_at', 'resolved_by'],
    personal: { email: { what: 'courriel de la personne qui signale une erreur', rule: { kind: 'anonymise', task: 'report-emails' } } },
  },
  orientation_requests: {
    other: ['id', 'contact_preference', 'consent_at', 'created_at', 'anonymised_at'],
    personal: {
      prescriber_user_id: { what: 'compte du professionnel qui oriente', rule: account },
      beneficiary_first_name: { what: 'prénom de la personne orientée', rule: orientation },
      beneficiary_last_name: { what: 'nom de la personne orientée', rule: orientation },
      beneficiary_phone: { what: 'téléphone de la personne orientée', rule: orientation },
      beneficiary_email: { what: 'courriel de la personne orientée', rule: orientation },
      availability: { what: 'disponibilités de la personne orientée', rule: orientation },
      reasons: { what: 'motifs de l’orientation', rule: orientation },
    },
  },
  orientations: {
    other: [
      'id', 'request_id', 'offer_id', 'structure_id', 'offer_name', 'structure_name', 'status', 'refusal_reason', 'session_label', 'session_starts_on',
      'sent_at', 'answered_at', 'closed_at', 'reminded_at', 'link_sent_at',
    ],
    personal: { answer_message: { what: 'message de la structure avec sa réponse', rule: orientation } },
  },
  orientation_messages: {
    other: ['id', 'orientation_id', 'author', 'created_at'],
    personal: { body: { what: 'message de la structure au professionnel', rule: orientation } },
  },
  // Who read or changed what: account ids and dates only.
  orientation_events: { other: ['id', 'orientation_id', 'action', 'actor_kind', 'actor_user_id', 'at'], personal: {} },
  freshness_campaign_mails: { other: ['structure_id', 'month', 'sent_at', 'offer_ids', 'recipients'], personal: {} },
  maintenance_runs: { other: ['task', 'last_run_at'], personal: {} },
};

/** The columns a task blanks in `table`. */
export function columnsAnonymisedBy(table: string, task: RetentionTask): string[] {
  return Object.entries(PERSONAL_DATA[table]?.personal ?? {})
    .filter(([, p]) => p.rule.kind === 'anonymise' && p.rule.task === task)
    .map(([column]) => column);
}
