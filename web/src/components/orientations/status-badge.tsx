/** An orientation's status as a badge: « En attente », « Acceptée », « Refusée », « Expirée ». */
import type { OrientationStatusValue } from '../../../../api/domain/orientation-choices.ts';

const BADGES: Record<OrientationStatusValue, { label: string; tone: string }> = {
  sent: { label: 'En attente de réponse', tone: 'badge--warning' },
  accepted: { label: 'Acceptée', tone: 'badge--success' },
  refused: { label: 'Refusée', tone: 'badge--muted' },
  expired: { label: 'Expirée sans réponse', tone: 'badge--muted' },
};

export function StatusBadge({ status }: { status: OrientationStatusValue }) {
  const b = BADGES[status];
  return (
    <span class={`badge ${b.tone}`} data-status={status}>
      {b.label}
    </span>
  );
}
