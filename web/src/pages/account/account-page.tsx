/** /compte — who is signed in and with which roles (structures, départements coordinated). */
import type { PageProps } from '../../routes.ts';
import { useAuth } from '../../state/auth.ts';
import { roleLabel } from '../../structure/roles.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';

export function AccountPage(_: PageProps) {
  useTitle('Mon compte');
  const auth = useAuth();
  if (auth.status === 'loading') return <Loading />;
  if (auth.status === 'anonymous') {
    return (
      <div class="page-narrow">
        <h1>Mon compte</h1>
        <p>Vous n’êtes pas connecté.</p>
        <p>
          <a class="button" href="/connexion?retour=%2Fcompte">
            Se connecter
          </a>
        </p>
      </div>
    );
  }
  const { user, roles } = auth.me;
  return (
    <div class="page-narrow">
      <h1>Mon compte</h1>
      <section class="panel" aria-labelledby="identite">
        <h2 id="identite">Identité</h2>
        <dl class="facts">
          <dt>Nom</dt>
          <dd>{user.name}</dd>
          <dt>Adresse électronique</dt>
          <dd>{user.email}</dd>
          <dt>Profil</dt>
          <dd>{roles.admin ? 'Administrateur du service' : roles.professional ? 'Professionnel (adresse confirmée)' : 'Adresse à confirmer'}</dd>
        </dl>
      </section>
      <section class="panel" aria-labelledby="roles">
        <h2 id="roles">Structures et territoires</h2>
        {roles.memberships.length === 0 && roles.coordinatorDepartements.length === 0 && <p>Aucune structure ni aucun département rattaché à ce compte pour l’instant.</p>}
        {roles.memberships.length > 0 && (
          <>
            <h3>Structures</h3>
            <ul>
              {roles.memberships.map((m) => (
                <li>
                  {m.structureName} ({roleLabel(m.role)})
                </li>
              ))}
            </ul>
          </>
        )}
        {roles.coordinatorDepartements.length > 0 && (
          <p>
            Coordination des départements : {roles.coordinatorDepartements.join(', ')} — <a href="/coordination">espace de coordination</a>.
          </p>
        )}
        <p>
          <a href="/structure">{roles.memberships.length ? 'Ma structure' : 'Inscrire ou rejoindre une structure'}</a>
        </p>
      </section>
    </div>
  );
}
