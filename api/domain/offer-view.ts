/** What the API shows of an offer to a given audience. */
import { isOverdue, type Offer } from './offer.ts';

export interface Audience {
  /** Professionals see contacts reserved to them. */
  professional: boolean;
}

export type OfferView = Offer & {
  overdue: boolean;
  /** True when contact details exist but are reserved to professionals and hidden here. */
  contact_restricted: boolean;
  structure?: { id: string; name: string };
};

export function offerView(offer: Offer, audience: Audience, now: Date, structure?: { id: string; name: string }): OfferView {
  const hide = !offer.contact_public && !audience.professional;
  const view: OfferView = {
    ...offer,
    overdue: isOverdue(offer, now),
    contact_restricted: hide && Boolean(offer.phone || offer.email || offer.contact_name),
  };
  if (hide) {
    view.phone = null;
    view.email = null;
    view.contact_name = null;
  }
  if (structure) view.structure = structure;
  return view;
}
