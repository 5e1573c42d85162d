/**
 * How the person reaches the offer, in the API's own words when its reasons say it (« sur place »,
 * « à 8 km », « à distance », « itinérant : passe à … »), else from the distance.
 */
import { distanceText } from '../../format.ts';
import { Icon } from '../ui/icon.tsx';

const ACCESS_REASON = /^(sur place|à \d+ km|à distance|itinérant : .+)$/;

export interface AccessFacts {
  distance_km: number | null;
  modes_accueil: string[];
  itinerant_communes: string[];
  reasons?: readonly string[];
}

export function accessText(item: AccessFacts): string | null {
  const stated = item.reasons?.find((r) => ACCESS_REASON.test(r));
  if (stated) return stated;
  const distance = distanceText(item.distance_km);
  if (distance) return distance;
  if (item.modes_accueil.includes('a-distance')) return 'à distance';
  if (item.itinerant_communes.length) return 'itinérant';
  return null;
}

export function AccessLabel({ item }: { item: AccessFacts }) {
  const text = accessText(item);
  if (!text) return null;
  return (
    <span class="access">
      <Icon name="pin" size={16} />
      {text}
    </span>
  );
}
