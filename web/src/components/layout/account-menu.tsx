/** Header corner: « Se connecter », or the signed-in person with « Se déconnecter ». */
import { useState } from 'preact/hooks';
import { navigate, useLocation } from '../../router.ts';
import { signOut, useAuth } from '../../state/auth.ts';
import { Icon } from '../ui/icon.tsx';

export function AccountMenu() {
  const auth = useAuth();
  const { href, path } = useLocation();
  const [busy, setBusy] = useState(false);

  if (auth.status === 'loading') return <div class="account" aria-hidden="true" />;
  if (auth.status === 'anonymous') {
    const back = path.startsWith('/connexion') || path.startsWith('/inscription') ? '' : `?retour=${encodeURIComponent(href)}`;
    return (
      <div class="account">
        <a class="button button--secondary button--small" href={`/connexion${back}`}>
          <Icon name="user" />
          Se connecter
        </a>
      </div>
    );
  }
  const onLogout = async () => {
    setBusy(true);
    try {
      await signOut();
      navigate('/');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="account">
      <a class="button button--tertiary button--small" href="/mes-orientations">
        Mes orientations
      </a>
      <a class="account__who" href="/compte" title="Mon compte">
        <Icon name="user" />
        <span>{auth.me.user.name}</span>
      </a>
      <button type="button" class="button button--tertiary button--small" onClick={onLogout} disabled={busy}>
        Se déconnecter
      </button>
    </div>
  );
}
