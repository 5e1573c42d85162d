/** /structure/:id/nouvelle-offre — describe a new offer with the guided form; saved, it opens as a draft. */
import type { PageProps } from '../../routes.ts';
import { navigate } from '../../router.ts';
import { keepGeocoding } from '../../structure/saved-geocoding.ts';
import { OfferForm } from '../../components/structure/offer-form.tsx';
import { WithStructure } from './structure-loader.tsx';
import '../../styles/spaces.css';

export function NewOfferPage({ params }: PageProps) {
  return (
    <WithStructure id={params.id!} title="Nouvelle offre">
      {(structure) => (
        <>
          <h1>Nouvelle offre</h1>
          <p class="lead">Décrivez une action de « {structure.name} » : elle reste un brouillon jusqu’à ce que vous la publiiez.</p>
          <OfferForm structure={structure} offer={null} onSaved={(offer) => {
              keepGeocoding(offer.id, offer.geocoding);
              navigate(`/structure/offres/${offer.id}?nouvelle=1`, { replace: true });
            }} />
        </>
      )}
    </WithStructure>
  );
}
