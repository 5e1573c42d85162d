/** A confirmation in French, announced to screen readers. */
import type { ComponentChildren } from 'preact';
import { Icon } from './icon.tsx';

export function SuccessNotice({ title, message, children }: { title?: string; message: string; children?: ComponentChildren }) {
  return (
    <div class="notice notice--success" role="status">
      <Icon name="check" />
      <div>
        {title && <p class="notice__title">{title}</p>}
        <p>{message}</p>
        {children}
      </div>
    </div>
  );
}
