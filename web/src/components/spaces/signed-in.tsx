/**
 * The structure space and the coordination pages need a session: while it loads, a spinner; without
 * one, the page says why and offers to sign in (coming back here) or to create an account.
 */
import type { ComponentChildren } from 'preact';
import type { Me } from '../../api/types.ts';
import { useAuth } from '../../state/auth.ts';
import { useLocation } from '../../router.ts';
import { Loading } from '../ui/loading.tsx';

export function SignedIn({ title, why, children }: { title: string; why: string; children: (me: Me) => ComponentChildren }) {
  const auth = useAuth();
  const { href } = useLocation();
  if (auth.status === 'loading') return <Loading />;
  if (auth.status === 'anonymous') {
    return (
      <div class="page-narrow">
        <h1>{title}</h1>
        <p class="lead">{why}</p>
        <p class="button-row">
          <a class="button" href={`/connexion?retour=${encodeURIComponent(href)}`}>
            Se connecter
          </a>
          <a class="button button--secondary" href="/inscription">
            Créer un compte professionnel
          </a>
        </p>
      </div>
    );
  }
  return <>{children(auth.me)}</>;
}
