/** Any address the app does not know. */
import type { PageProps } from '../routes.ts';
import { useTitle } from '../components/ui/use-title.ts';

export function NotFoundPage(_: PageProps) {
  useTitle('Page introuvable');
  return (
    <div class="page-narrow">
      <h1>Page introuvable</h1>
      <p>Cette adresse ne correspond à aucune page. Le lien est peut-être incomplet ou ancien.</p>
      <p>
        <a class="button" href="/">
          Chercher une offre
        </a>
      </p>
    </div>
  );
}
