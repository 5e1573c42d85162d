/** The list of what to fix at the top of a form, focused when it appears; each item links to its field. */
import { useEffect, useRef } from 'preact/hooks';

export function ErrorSummary({ title = 'Le formulaire contient des erreurs', errors }: { title?: string; errors: Array<{ id: string; message: string }> }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => e.id + e.message).join('|');
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [key]);
  if (!errors.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{title}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a
              href={`#${e.id}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(e.id)?.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
