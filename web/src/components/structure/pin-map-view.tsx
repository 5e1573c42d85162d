/**
 * Where the place is on the map, in the editing forms: a draggable pin (map chunk loaded on demand),
 * what the geocoder said after the last save, and the coordinates as text for keyboard users.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { canDrawMaps, loadMapModule } from '../../map/load.ts';
import type { PinMap } from '../../map/index.ts';
import type { GeocodingOutcome } from '../../api/space-types.ts';
import { TextField } from '../forms/text-field.tsx';
import { numberOrText } from '../../structure/offer-values.ts';

type LonLat = [number, number];

interface Props {
  id: string;
  lon: number | null;
  lat: number | null;
  /** Where to look without a pin (the commune's centre). */
  centre: LonLat | null;
  departement: string | null;
  /** The person placed the pin (map or coordinates typed). */
  onPlace: (lon: number | null, lat: number | null) => void;
  geocoding: GeocodingOutcome | null;
  /** True once the person moved the pin since the last save. */
  placed: boolean;
  error?: string | undefined;
}

export function GeocodingNotice({ geocoding, placed }: { geocoding: GeocodingOutcome | null; placed: boolean }) {
  if (placed) return <p class="notice notice--info">Point placé à la main : il sera enregistré avec ces coordonnées.</p>;
  if (!geocoding) return null;
  switch (geocoding.status) {
    case 'located':
      return <p class="notice notice--success">Adresse trouvée : {geocoding.label}. Vous pouvez ajuster le repère si besoin.</p>;
    case 'manual':
      return <p class="notice notice--info">Coordonnées enregistrées telles que placées.</p>;
    case 'approximate':
      return (
        <p class="notice notice--warning">
          {geocoding.message} ({geocoding.label})
        </p>
      );
    default:
      return <p class="notice notice--warning">{geocoding.message}</p>;
  }
}

export function PinMapView({ id, lon, lat, centre, departement, onPlace, geocoding, placed, error }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<PinMap | null>(null);
  const [available] = useState(canDrawMaps);
  const point: LonLat | null = lon != null && lat != null ? [lon, lat] : null;
  const latestPlace = useRef(onPlace);
  latestPlace.current = onPlace;

  useEffect(() => {
    if (!available) return;
    let cancelled = false;
    loadMapModule()
      .then((m) => m.createPinMap({ container: container.current!, point, centre, departement, onMove: ([x, y]) => latestPlace.current(x, y) }))
      .then((created) => {
        if (cancelled) created.destroy();
        else map.current = created;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      map.current?.destroy();
      map.current = null;
    };
  }, [available, departement]);

  // A new point from outside (geocoded on save, typed coordinates) moves the pin and the camera.
  useEffect(() => {
    map.current?.setPoint(point, centre);
  }, [lon, lat, centre?.[0], centre?.[1]]);

  const typed = (value: string, axis: 'lon' | 'lat') => {
    const n = numberOrText(value);
    const v = typeof n === 'number' ? n : null;
    onPlace(axis === 'lon' ? v : lon, axis === 'lat' ? v : lat);
  };

  return (
    <div class="pin-map" id={id}>
      <GeocodingNotice geocoding={geocoding} placed={placed} />
      {error && <p class="field__error">{error}</p>}
      {available && (
        <>
          <p class="hint">Le repère se place à l’enregistrement, d’après l’adresse. Faites-le glisser, ou cliquez sur la carte, pour le mettre au bon endroit.</p>
          <div class="pin-map__canvas" role="region" aria-label="Carte : position du lieu" ref={container} />
        </>
      )}
      <details class="pin-map__coordinates">
        <summary>Saisir les coordonnées</summary>
        <div class="field-row">
          <TextField id={`${id}-lat`} label="Latitude" inputMode="decimal" value={lat == null ? '' : String(lat)} onValue={(v) => typed(v, 'lat')} />
          <TextField id={`${id}-lon`} label="Longitude" inputMode="decimal" value={lon == null ? '' : String(lon)} onValue={(v) => typed(v, 'lon')} />
        </div>
      </details>
    </div>
  );
}
