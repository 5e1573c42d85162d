/** A titled section of a page (offer page, account): a white panel whose heading names it for screen readers. */
import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './icon.tsx';

/** `order`: the panel's rank when a two-column page collapses into one (small screens). */
export function Panel({ id, title, icon, order, children }: { id: string; title: string; icon?: IconName; order?: number; children: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={id} style={order ? { '--order': order } : undefined}>
      <h2 id={id}>
        {icon && <Icon name={icon} />}
        {title}
      </h2>
      {children}
    </section>
  );
}
