/** A titled section of a page (offer page, account): a white panel whose heading names it for screen readers. */
import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './icon.tsx';

export function Panel({ id, title, icon, children }: { id: string; title: string; icon?: IconName; children: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>
        {icon && <Icon name={icon} />}
        {title}
      </h2>
      {children}
    </section>
  );
}
