/**
 * The coverage map on the page: the map chunk loaded on demand, the legend (with how many territories
 * fall in each class) and what the pointer is over. Without WebGL the tables say the same thing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { canDrawMaps, loadMapModule } from '../../map/load.ts';
import type { ChoroplethMap } from '../../map/index.ts';
import { CLASSES, type Level, type MapRow } from '../../coordination/coverage-tables.ts';
import { plural } from '../../format.ts';

interface Props {
  departement: string;
  level: Level;
  rows: readonly MapRow[];
  /** « Mobilité » — what the numbers count. */
  barrierLabel: string;
}

export function ChoroplethView({ departement, level, rows, barrierLabel }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<ChoroplethMap | null>(null);
  const [available] = useState(canDrawMaps);
  const [ready, setReady] = useState(false);
  const [hovered, setHovered] = useState<{ id: string; name: string } | null>(null);
  const values = new Map(rows.map((r) => [r.id, r.offers]));

  useEffect(() => {
    if (!available) return;
    let cancelled = false;
    loadMapModule()
      .then((m) => m.createChoroplethMap({ container: container.current!, departement, onHover: setHovered }))
      .then((created) => {
        if (cancelled) return created.destroy();
        map.current = created;
        setReady(true);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      map.current?.destroy();
      map.current = null;
      setReady(false);
    };
  }, [available, departement]);

  const key = rows.map((r) => `${r.id}:${r.offers}`).join(',');
  useEffect(() => {
    if (ready) void map.current?.show(level, values, CLASSES).catch(() => undefined);
  }, [ready, level, key]);

  const hoveredRow = hovered ? rows.find((r) => r.id === hovered.id) : undefined;
  const perClass = CLASSES.map((c, i) => rows.filter((r) => r.offers >= c.min && (i + 1 >= CLASSES.length || r.offers < CLASSES[i + 1]!.min)).length);
  return (
    <div class="coverage-map">
      {available ? (
        <div class="coverage-map__canvas" role="region" aria-label={`Carte : offres accessibles pour « ${barrierLabel} » par ${level === 'communes' ? 'commune' : 'territoire'}`} ref={container} data-testid="coverage-map" />
      ) : (
        <p class="notice notice--info">La carte ne peut pas s’afficher sur ce navigateur : les tableaux ci-dessous donnent les mêmes chiffres.</p>
      )}
      <div>
        <h3>Légende</h3>
        <p class="hint">Offres qu’une personne habitant le territoire peut mobiliser pour « {barrierLabel} ».</p>
        <ul class="legend">
          {CLASSES.map((c, i) => (
            <li>
              <span class="legend__swatch" style={{ background: c.color }} aria-hidden="true" />
              <span>
                {c.label} : {plural(perClass[i]!, level === 'communes' ? 'commune' : 'territoire')}
              </span>
            </li>
          ))}
        </ul>
        <p class="hint" aria-live="polite">
          {hoveredRow ? `${hoveredRow.name} : ${plural(hoveredRow.offers, 'offre')}` : 'Survolez la carte pour lire le chiffre d’un territoire.'}
        </p>
      </div>
    </div>
  );
}
