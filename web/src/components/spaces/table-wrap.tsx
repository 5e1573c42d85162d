/** A wide table that scrolls sideways on a small screen: the scrolling region is named and reachable with the keyboard. */
import type { ComponentChildren } from 'preact';

export function TableWrap({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
