/**
 * One barrier (frein) as a disclosure of checkboxes: its icon and label, the number ticked, open as
 * soon as one is. Shared by the diagnostic's situations and the offer form's thématiques.
 */
import type { ComponentChildren } from 'preact';
import type { Referentials } from '../../api/types.ts';
import { Icon, type IconName } from '../ui/icon.tsx';

export function BarrierDisclosure({ barrier, ticked, children }: { barrier: Referentials['barriers'][number]; ticked: number; children: ComponentChildren }) {
  return (
    <details class="disclosure" open={ticked > 0}>
      <summary>
        <Icon name={barrier.icon as IconName} />
        {barrier.label}
        {ticked > 0 && (
          <span class="count" aria-label={`${ticked} cochée${ticked > 1 ? 's' : ''}`}>
            {ticked}
          </span>
        )}
      </summary>
      <div class="situation-list">{children}</div>
    </details>
  );
}
