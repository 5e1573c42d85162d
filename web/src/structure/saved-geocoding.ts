/**
 * What the geocoder said when a new offer was first saved, handed to its edit page (which the form
 * opens right after): the page then shows it as if it had saved the offer itself.
 */
import type { GeocodingOutcome } from '../api/space-types.ts';

const outcomes = new Map<string, GeocodingOutcome>();

export function keepGeocoding(offerId: string, outcome: GeocodingOutcome | undefined): void {
  if (outcome) outcomes.set(offerId, outcome);
}

export function takeGeocoding(offerId: string): GeocodingOutcome | undefined {
  const outcome = outcomes.get(offerId);
  outcomes.delete(offerId);
  return outcome;
}
