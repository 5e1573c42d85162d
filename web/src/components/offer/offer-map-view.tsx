/** The small map of the offer page (map chunk loaded on demand; nothing shown without WebGL). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { canDrawMaps, loadMapModule } from '../../map/load.ts';
import type { PlaceMap } from '../../map/index.ts';

export function OfferMapView({ lon, lat, departement, label }: { lon: number; lat: number; departement: string | null; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [available] = useState(canDrawMaps);
  useEffect(() => {
    if (!available) return;
    let map: PlaceMap | null = null;
    let cancelled = false;
    loadMapModule()
      .then((m) => m.createPlaceMap(container.current!, [lon, lat], departement))
      .then((created) => {
        if (cancelled) created.destroy();
        else map = created;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      map?.destroy();
    };
  }, [lon, lat, departement, available]);
  if (!available) return null;
  return <div class="offer-map" role="region" aria-label={label} ref={container} />;
}
