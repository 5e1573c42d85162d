/** An error in French, with a retry button when retrying makes sense. */
import { Icon } from './icon.tsx';

export function ErrorNotice({ title = 'Un problème est survenu', message, onRetry }: { title?: string; message: string; onRetry?: () => void }) {
  return (
    <div class="notice notice--error" role="alert">
      <Icon name="alert" />
      <div>
        <p class="notice__title">{title}</p>
        <p>{message}</p>
        {onRetry && (
          <button type="button" class="button button--secondary" onClick={onRetry}>
            Réessayer
          </button>
        )}
      </div>
    </div>
  );
}
