/**
 * /offres/:id — everything needed to go there: how to get in, address and map, hours in French with
 * « ouvert maintenant », publics and conditions, places and sessions, contact, freshness, and
 * « signaler une erreur ».
 */
import type { PageProps } from '../routes.ts';
import { getOffer } from '../api/endpoints.ts';
import { useAsync } from '../state/use-async.ts';
import { label, useReferentials } from '../state/referentials.ts';
import { useTitle } from '../components/ui/use-title.ts';
import { Loading } from '../components/ui/loading.tsx';
import { ErrorNotice } from '../components/ui/error-notice.tsx';
import { DemoBadge, OverdueBadge } from '../components/ui/badges.tsx';
import { BasketToggle } from '../components/basket/basket-toggle.tsx';
import { HowToGetIn } from '../components/offer/how-to-get-in.tsx';
import { AudienceBlock } from '../components/offer/audience-block.tsx';
import { PlacesBlock } from '../components/offer/places-block.tsx';
import { AddressBlock, placeOf } from '../components/offer/address-block.tsx';
import { OpeningHours } from '../components/offer/opening-hours.tsx';
import { ContactBlock } from '../components/offer/contact-block.tsx';
import { FreshnessBlock } from '../components/offer/freshness-block.tsx';
import { ReportForm } from '../components/offer/report-form.tsx';
import { OfferMapView } from '../components/offer/offer-map-view.tsx';
import { BackLink } from '../components/ui/back-link.tsx';
import { Panel } from '../components/ui/panel.tsx';

export function OfferPage({ params }: PageProps) {
  const offer = useAsync((signal) => getOffer(params.id!, signal), [params.id]);
  const refs = useReferentials();
  useTitle(offer.data?.name ?? (offer.error ? 'Offre introuvable' : 'Offre'));

  if (offer.error) {
    return (
      <div class="page-narrow">
        <BackLink />
        <h1>{offer.error.status === 404 ? 'Offre introuvable' : 'Offre indisponible'}</h1>
        <ErrorNotice message={offer.error.status === 404 ? 'Cette offre n’existe pas ou n’est plus publiée. Elle a peut-être été arrêtée ou remplacée.' : offer.error.userMessage} onRetry={offer.error.status === 404 ? undefined : offer.reload} />
      </div>
    );
  }
  if (!offer.data) {
    return (
      <>
        <h1 class="sr-only">Offre</h1>
        <Loading label="Chargement de l’offre…" />
      </>
    );
  }
  const o = offer.data;
  const r = refs.data;
  const place = placeOf(o);
  const departement = o.departement_code ?? o.structure.departement_code;
  return (
    <article class="offer-page">
      <BackLink />
      <header class="offer-header">
        <div class="badges">
          {o.source === 'demo' && <DemoBadge />}
          {o.overdue && <OverdueBadge />}
          {o.type && <span class="badge badge--muted">{label(r, 'types', o.type)}</span>}
        </div>
        <h1>{o.name}</h1>
        <p class="lead">{o.structure.name}</p>
        {(o.thematiques?.length ?? 0) > 0 && (
          <ul class="tags" aria-label="Thématiques">
            {o.thematiques!.map((t) => (
              <li>{label(r, 'thematiques', t)}</li>
            ))}
          </ul>
        )}
        <p class="offer-header__actions">
          <BasketToggle offer={{ id: o.id, name: o.name, structureName: o.structure.name }} />
        </p>
      </header>

      {/* On a phone the two columns become one: what to do, where, when and whom to call come first. */}
      <div class="offer-layout">
        <div>
          <Panel order={1} id="entrer" icon="door" title="Comment y entrer">
            <HowToGetIn offer={o} refs={r} />
          </Panel>
          <Panel order={7} id="description" icon="info" title="En quoi ça consiste">
            <p class="description">{o.description}</p>
          </Panel>
          <Panel order={5} id="public" icon="users" title="Pour qui">
            <AudienceBlock offer={o} refs={r} />
          </Panel>
          <Panel order={6} id="places" icon="calendar" title="Places et sessions">
            <PlacesBlock offer={o} />
          </Panel>
        </div>
        <div>
          <Panel order={2} id="adresse" icon="pin" title="Adresse">
            <AddressBlock offer={o} />
            {place.lon != null && place.lat != null && (o.modes_accueil ?? ['en-presentiel']).includes('en-presentiel') && (
              <OfferMapView lon={place.lon} lat={place.lat} departement={departement} label={`Carte : ${o.name}`} />
            )}
          </Panel>
          <Panel order={3} id="horaires" icon="clock" title="Horaires">
            <OpeningHours value={o.opening_hours ?? o.structure.opening_hours} departement={departement} />
          </Panel>
          <Panel order={4} id="contact" icon="phone" title="Contact">
            <ContactBlock offer={o} />
          </Panel>
          <Panel order={8} id="fraicheur" icon="check" title="Mise à jour">
            <FreshnessBlock offer={o} />
          </Panel>
          <ReportForm offerId={o.id} />
        </div>
      </div>
    </article>
  );
}
