/** Small labels on offers: demo data, information to check. */
import { Icon } from './icon.tsx';

export function DemoBadge() {
  return (
    <span class="badge badge--demo" title="Donnée fictive du catalogue de démonstration">
      Démo
    </span>
  );
}

export function OverdueBadge() {
  return (
    <span class="badge badge--warning" title="Cette offre n’a pas été confirmée depuis plus longtemps que prévu : appelez avant d’orienter.">
      <Icon name="alert" size={14} />À vérifier
    </span>
  );
}

export function FullBadge() {
  return <span class="badge badge--muted">Complet</span>;
}
