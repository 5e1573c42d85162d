/** « Comment y entrer »: the modes de mobilisation as steps, who may mobilise the offer, details and link. */
import type { OfferDetail, Referentials } from '../../api/types.ts';
import { label } from '../../state/referentials.ts';
import { joinFrench } from '../../format.ts';

export function HowToGetIn({ offer, refs }: { offer: Pick<OfferDetail, 'modes_mobilisation' | 'mobilisable_par' | 'mobilisation_details' | 'mobilisation_url'>; refs: Referentials | null }) {
  const modes = offer.modes_mobilisation ?? [];
  const who = (offer.mobilisable_par ?? []).map((p) => label(refs, 'personnes_mobilisatrices', p).toLowerCase());
  if (!modes.length && !offer.mobilisation_details && !offer.mobilisation_url) {
    return <p>Modalités non précisées : contactez la structure.</p>;
  }
  return (
    <div class="how-to">
      {modes.length > 0 && (
        <ul class="steps">
          {modes.map((m) => (
            <li>{label(refs, 'modes_mobilisation', m)}</li>
          ))}
        </ul>
      )}
      {who.length > 0 && <p>Qui peut orienter : {joinFrench(who)}.</p>}
      {offer.mobilisation_details && <p class="description">{offer.mobilisation_details}</p>}
      {offer.mobilisation_url && (
        <p>
          <a href={offer.mobilisation_url} rel="noopener noreferrer" target="_blank">
            Formulaire ou lien d’inscription<span class="sr-only"> (nouvelle fenêtre)</span>
          </a>
        </p>
      )}
    </div>
  );
}
