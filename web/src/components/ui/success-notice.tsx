/** A confirmation in French, announced to screen readers, with the next step as a button when there is one. */
import type { ComponentChildren } from 'preact';
import { Icon } from './icon.tsx';

export function SuccessNotice({ title, message, next, children }: { title?: string; message: string; next?: { href: string; label: string }; children?: ComponentChildren }) {
  return (
    <div class="notice notice--success" role="status">
      <Icon name="check" />
      <div>
        {title && <p class="notice__title">{title}</p>}
        <p>{message}</p>
        {next && (
          <p>
            <a class="button" href={next.href}>
              {next.label}
            </a>
          </p>
        )}
        {children}
      </div>
    </div>
  );
}
