/** Where it takes place: the address (the offer's own or its structure's), remote, or the communes an itinerant offer visits. */
import type { OfferDetail } from '../../api/types.ts';
import { joinFrench } from '../../format.ts';
import { getCommune } from '../../api/endpoints.ts';
import { useAsync } from '../../state/use-async.ts';

export interface Place {
  lines: string[];
  lon: number | null;
  lat: number | null;
}

/** The offer's address, else its structure's. */
export function placeOf(offer: OfferDetail): Place {
  const own = offer.address || offer.commune_name;
  const src = own ? offer : offer.structure;
  const lines = [src.address, src.address_complement, [src.postal_code, src.commune_name].filter(Boolean).join(' ')].filter((l): l is string => !!l);
  const lon = offer.lon ?? offer.structure.lon;
  const lat = offer.lat ?? offer.structure.lat;
  return { lines, lon, lat };
}

/** The point a person goes to: the place of an on-site offer that has coordinates, else null. */
export function visitPoint(offer: OfferDetail): { lon: number; lat: number } | null {
  const { lon, lat } = placeOf(offer);
  const onSite = (offer.modes_accueil?.length ? offer.modes_accueil : ['en-presentiel']).includes('en-presentiel');
  return onSite && lon != null && lat != null ? { lon, lat } : null;
}

export function AddressBlock({ offer }: { offer: OfferDetail }) {
  const place = placeOf(offer);
  const modes = offer.modes_accueil ?? [];
  const remote = modes.includes('a-distance');
  const onSite = modes.includes('en-presentiel') || !modes.length;
  return (
    <div class="address">
      {onSite && place.lines.length > 0 && (
        <address>
          {place.lines.map((l) => (
            <>
              {l}
              <br />
            </>
          ))}
        </address>
      )}
      {remote && <p>{onSite ? 'Aussi à distance (téléphone, visio).' : 'À distance (téléphone, visio) : pas de déplacement.'}</p>}
      {(offer.itinerant_communes?.length ?? 0) > 0 && <ItinerantCommunes codes={offer.itinerant_communes!} />}
    </div>
  );
}

/** « Itinérant : passe aussi à Mauriac et Saint-Flour » (the offer stores INSEE codes). */
function ItinerantCommunes({ codes }: { codes: string[] }) {
  const names = useAsync(
    (signal) => Promise.all(codes.map((code) => getCommune(code, signal).then((c) => c.name, () => code))),
    [codes.join(',')],
  );
  return <p>Itinérant : passe aussi à {joinFrench(names.data ?? codes)}.</p>;
}
