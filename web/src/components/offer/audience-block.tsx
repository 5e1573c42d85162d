/** « Pour qui »: publics, age, conditions, fees. */
import type { OfferDetail, Referentials } from '../../api/types.ts';
import { label } from '../../state/referentials.ts';
import { ageText, joinFrench } from '../../format.ts';

export function AudienceBlock({ offer, refs }: { offer: OfferDetail; refs: Referentials | null }) {
  const publics = (offer.publics ?? []).map((p) => label(refs, 'publics', p));
  const age = ageText(offer.age_min, offer.age_max);
  return (
    <dl class="facts">
      <dt>Publics</dt>
      <dd>{publics.length ? joinFrench(publics) : 'Tous publics'}</dd>
      {offer.publics_details && (
        <>
          <dt>Précisions</dt>
          <dd class="description">{offer.publics_details}</dd>
        </>
      )}
      <dt>Âge</dt>
      <dd>{age ?? 'Sans condition d’âge'}</dd>
      {offer.access_conditions && (
        <>
          <dt>Conditions</dt>
          <dd class="description">{offer.access_conditions}</dd>
        </>
      )}
      <dt>Frais</dt>
      <dd>
        {offer.fees ? label(refs, 'frais', offer.fees) : 'Non précisé'}
        {offer.fees_details && <span class="description"> — {offer.fees_details}</span>}
      </dd>
    </dl>
  );
}
