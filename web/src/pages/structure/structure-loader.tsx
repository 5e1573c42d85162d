/** The pages under /structure/:id load their structure the same way: a spinner, a French error, or the page. */
import type { ComponentChildren } from 'preact';
import type { Me } from '../../api/types.ts';
import type { Structure } from '../../api/space-types.ts';
import { getStructure } from '../../api/space-endpoints.ts';
import { useAsync } from '../../state/use-async.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { SignedIn } from '../../components/spaces/signed-in.tsx';
import { Icon } from '../../components/ui/icon.tsx';

interface Props {
  id: string;
  /** The page's title, after the structure's name. */
  title: string;
  children: (structure: Structure, me: Me, reload: () => void) => ComponentChildren;
}

export function WithStructure({ id, title, children }: Props) {
  const structure = useAsync((signal) => getStructure(id, signal), [id]);
  useTitle(structure.data ? `${title} — ${structure.data.name}` : title);
  return (
    <SignedIn title={title} why="Connectez-vous avec votre compte professionnel pour gérer l’offre de votre structure.">
      {(me) => (
        <div class="page-wide">
          {structure.data && (
            <p>
              <a class="back-link" href={`/structure/${id}`}>
                <Icon name="arrowLeft" />
                {structure.data.name}
              </a>
            </p>
          )}
          {structure.error && (
            <>
              <h1>{title}</h1>
              <ErrorNotice title={structure.error.status === 404 ? 'Structure introuvable' : 'Structure indisponible'} message={structure.error.userMessage} />
            </>
          )}
          {!structure.data && !structure.error && <Loading />}
          {structure.data && children(structure.data, me, structure.reload)}
        </div>
      )}
    </SignedIn>
  );
}
