/**
 * Places, as pure functions: what accepting an orientation takes (a place of the chosen session, or
 * of the offer), and what "complet" means (no place left on the offer nor on its sessions to come).
 * Unknown places (null) stay unknown when a place is taken: nobody said how many there were.
 */
import type { EditFailure } from './edit-result.ts';
import { invalidFields } from './edit-result.ts';
import type { Offer, OfferSession } from './offer.ts';

export interface PlacesChange {
  /** The offer's new places_available, when it changes. */
  offerPlaces?: number;
  /** Sessions whose places_available changes. */
  sessions: Array<{ id: string; places: number }>;
}

export interface TakenPlace {
  change: PlacesChange;
  /** The session the person joins (copied onto the orientation), if one was chosen. */
  session: { label: string; starts_on: string } | null;
}

/** A session still to come (or running) on `today`. */
export function isUpcoming(session: Pick<OfferSession, 'starts_on' | 'ends_on'>, today: string): boolean {
  return (session.ends_on ?? session.starts_on) >= today;
}

const frenchDate = (iso: string) => iso.split('-').reverse().join('/');

export function sessionLabel(session: Pick<OfferSession, 'label' | 'starts_on'>): string {
  return session.label ? `${session.label} (${frenchDate(session.starts_on)})` : `à partir du ${frenchDate(session.starts_on)}`;
}

export function takePlace(offer: Pick<Offer, 'places_available' | 'sessions'>, sessionId: string | null, today: string): { ok: true; value: TakenPlace } | EditFailure {
  if (sessionId) {
    const session = offer.sessions.find((s) => s.id === sessionId);
    if (!session) return invalidFields([{ path: 'session_id', message: 'session inconnue pour cette action : rechargez la page pour voir les sessions à jour' }]);
    if (!isUpcoming(session, today)) return invalidFields([{ path: 'session_id', message: 'cette session est terminée : choisissez-en une autre' }]);
    const sessions = session.places_available == null ? [] : [{ id: session.id, places: Math.max(0, session.places_available - 1) }];
    return { ok: true, value: { change: { sessions }, session: { label: sessionLabel(session), starts_on: session.starts_on } } };
  }
  const change: PlacesChange = { sessions: [] };
  if (offer.places_available != null) change.offerPlaces = Math.max(0, offer.places_available - 1);
  return { ok: true, value: { change, session: null } };
}

/** "Complet": no place on the offer, none on its sessions to come. */
export function fullChange(offer: Pick<Offer, 'places_available' | 'sessions'>, today: string): PlacesChange {
  const change: PlacesChange = { sessions: offer.sessions.filter((s) => isUpcoming(s, today) && s.places_available !== 0).map((s) => ({ id: s.id, places: 0 })) };
  if (offer.places_available !== 0) change.offerPlaces = 0;
  return change;
}

export function changesNothing(change: PlacesChange, offer: Pick<Offer, 'places_available' | 'sessions'>): boolean {
  const offerSame = change.offerPlaces === undefined || change.offerPlaces === offer.places_available;
  const sessionsSame = change.sessions.every((c) => offer.sessions.find((s) => s.id === c.id)?.places_available === c.places);
  return offerSame && sessionsSame;
}

/**
 * "Complet", for the search and the matching: no place left on the offer, or sessions to come and no
 * place left on any of them (a session whose places are unknown may still take someone). The
 * search documents carry it, worked out on the day they are built (search/document.ts).
 */
export function isFull(
  offer: Pick<Offer, 'places_available'> & { sessions?: readonly Pick<OfferSession, 'starts_on' | 'ends_on' | 'places_available'>[] },
  today: string,
): boolean {
  if (offer.places_available !== null && offer.places_available <= 0) return true;
  const upcoming = (offer.sessions ?? []).filter((s) => isUpcoming(s, today));
  return upcoming.length > 0 && upcoming.every((s) => s.places_available !== null && s.places_available <= 0);
}
