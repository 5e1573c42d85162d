/** Sets the document title of a page: « Page — Offre locale d’insertion ». */
import { useEffect } from 'preact/hooks';

export const SERVICE_NAME = 'Offre locale d’insertion';

export function useTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} — ${SERVICE_NAME}` : SERVICE_NAME;
  }, [title]);
}
