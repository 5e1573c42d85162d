/** When the offer was last confirmed, and a plain warning when that is older than its update frequency. */
import type { OfferDetail } from '../../api/types.ts';
import { dateText, frenchRelativeTime } from '../../format.ts';
import { Icon } from '../ui/icon.tsx';

export function FreshnessBlock({ offer }: { offer: Pick<OfferDetail, 'confirmed_at' | 'updated_on' | 'overdue' | 'update_frequency_months'> }) {
  const at = offer.confirmed_at ?? `${offer.updated_on}T12:00:00Z`;
  return (
    <div class="freshness">
      <p>
        Informations confirmées le {dateText(at)} ({frenchRelativeTime(new Date(at), new Date())}).
      </p>
      {offer.overdue && (
        <p class="notice notice--warning" data-testid="overdue">
          <Icon name="alert" />
          <span>
            <strong>À vérifier :</strong> la structure devait confirmer ces informations tous les {offer.update_frequency_months} mois. Appelez avant d’orienter.
          </span>
        </p>
      )}
    </div>
  );
}
