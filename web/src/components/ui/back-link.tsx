/** « Retour » to the previous page of the app (the search with its state), else a plain link. */
import { canGoBack } from '../../router.ts';
import { Icon } from './icon.tsx';

export function BackLink({ fallback = '/', label = 'Retour' }: { fallback?: string; label?: string }) {
  return (
    <a
      class="back-link no-print"
      href={fallback}
      onClick={(e) => {
        if (canGoBack()) {
          e.preventDefault();
          window.history.back();
        }
      }}
    >
      <Icon name="arrowLeft" />
      {label}
    </a>
  );
}
