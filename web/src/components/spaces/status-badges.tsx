/** Statuses of offers and structures in the words of the structure space. */
import type { Structure } from '../../api/space-types.ts';

export const OFFER_STATUS_LABELS: Readonly<Record<string, string>> = { draft: 'Brouillon', published: 'Publiée', suspended: 'Suspendue', archived: 'Archivée' };

export const STRUCTURE_STATUS_LABELS: Readonly<Record<Structure['status'], string>> = {
  draft: 'Brouillon',
  pending: 'En attente de validation',
  validated: 'Validée',
  rejected: 'Refusée',
  archived: 'Archivée',
};

const TONE: Readonly<Record<string, string>> = { published: 'success', validated: 'success', pending: 'warning', suspended: 'warning', rejected: 'error', draft: 'muted', archived: 'muted' };

export function StatusBadge({ status, kind }: { status: string; kind: 'offer' | 'structure' }) {
  const text = kind === 'offer' ? OFFER_STATUS_LABELS[status] : STRUCTURE_STATUS_LABELS[status as Structure['status']];
  return <span class={`badge badge--${TONE[status] ?? 'muted'}`}>{text ?? status}</span>;
}
