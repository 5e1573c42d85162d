/** One barrier's answer in the diagnostic: its actions, or a plain « no answer here ». */
import type { MatchGroup, Referentials } from '../../api/types.ts';
import { plural } from '../../format.ts';
import { ResultCard } from '../results/result-card.tsx';
import { Icon, type IconName } from '../ui/icon.tsx';

export function MatchGroupView({ group, refs, radiusKm }: { group: MatchGroup; refs: Referentials | null; radiusKm: number }) {
  const barrier = refs?.barriers.find((b) => b.key === group.barrier);
  const id = `groupe-${group.barrier}`;
  return (
    <section class="match-group" aria-labelledby={id} data-barrier={group.barrier}>
      <h3 id={id}>
        {barrier && <Icon name={barrier.icon as IconName} />}
        {group.label}
        <span class="results__sub">{group.unmet ? ' — aucune action' : ` — ${plural(group.total, 'action')}`}</span>
      </h3>
      {group.unmet ? (
        <p class="notice notice--warning">
          <Icon name="alert" />
          <span>Aucune action accessible ne répond à ce frein à moins de {radiusKm} km (ni à distance). Ce besoin non couvert est comptabilisé, anonymement, pour le département.</span>
        </p>
      ) : (
        <ol class="result-list">
          {group.items.map((item) => (
            <li>
              <ResultCard offer={item.offer} structure={item.structure} distanceKm={item.distance_km} reasons={item.reasons} level={4} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
