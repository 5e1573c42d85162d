/**
 * The results map beside the list. Loads the map chunk on first display; says so while loading,
 * and falls back to a sentence when the browser cannot draw maps (the list has everything).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { canDrawMaps, loadMapModule } from '../../map/load.ts';
import type { Origin, ResultPoint, ResultsMap } from '../../map/index.ts';

interface Props {
  points: ResultPoint[];
  origin: Origin | null;
  departements: string[];
  hovered: string | null;
  selected: string | null;
  onHover: (id: string | null) => void;
  onSelect: (id: string) => void;
  label?: string;
}

type Status = 'loading' | 'ready' | 'unavailable' | 'error';

export function ResultsMapView(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const [map, setMap] = useState<ResultsMap | null>(null);
  const [status, setStatus] = useState<Status>('loading');

  useEffect(() => {
    if (!canDrawMaps()) {
      setStatus('unavailable');
      return;
    }
    let instance: ResultsMap | null = null;
    let cancelled = false;
    loadMapModule()
      .then((m) =>
        m.createResultsMap({
          container: container.current!,
          onHover: (id) => latest.current.onHover(id),
          onSelect: (id) => latest.current.onSelect(id),
        }),
      )
      .then(async (created) => {
        if (cancelled) return created.destroy();
        instance = created;
        setMap(created);
        await created.ready;
        if (!cancelled) setStatus('ready');
      })
      .catch(() => !cancelled && setStatus('error'));
    return () => {
      cancelled = true;
      instance?.destroy();
    };
  }, []);

  const pointsKey = props.points.map((p) => p.id).join(',');
  const originKey = props.origin ? `${props.origin.centre.join(',')}:${props.origin.radiusKm}` : '';
  useEffect(() => {
    map?.setResults(props.points, props.origin, props.departements);
    map?.setHighlight(props.hovered, props.selected);
  }, [map, pointsKey, originKey, props.departements.join(',')]);
  useEffect(() => map?.setHighlight(props.hovered, props.selected), [map, props.hovered, props.selected]);
  useEffect(() => {
    if (props.selected) map?.reveal(props.selected);
  }, [map, props.selected]);

  return (
    <div class="map-panel" role="region" aria-label={props.label ?? 'Carte des résultats'}>
      <div class="map-canvas" ref={container} data-status={status} />
      {status === 'loading' && (
        <p class="map-panel__status" role="status">
          Chargement de la carte…
        </p>
      )}
      {status === 'unavailable' && <p class="map-panel__status">Ce navigateur ne peut pas afficher la carte : la liste donne toutes les adresses.</p>}
      {status === 'error' && <p class="map-panel__status">La carte n’a pas pu être chargée : la liste donne toutes les adresses.</p>}
    </div>
  );
}
