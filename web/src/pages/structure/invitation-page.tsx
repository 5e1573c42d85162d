/**
 * /invitation?token= — the landing page of an invitation mail: who invites whom to which structure;
 * signed in with the invited address, one click joins; with an account, sign in first; without one,
 * create it here (the link proves the address).
 */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { acceptInvitation, previewInvitation, signupByInvitation } from '../../api/space-endpoints.ts';
import { useAsync } from '../../state/use-async.ts';
import { refreshAuth, useAuth } from '../../state/auth.ts';
import { navigate, useLocation } from '../../router.ts';
import { dateText } from '../../format.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { TextField } from '../../components/forms/text-field.tsx';
import { NewPasswordField, PASSWORD_MIN } from '../../components/forms/new-password-field.tsx';
import { useSubmit } from '../../components/forms/use-submit.ts';
import { FormProblems } from '../../components/forms/form-problems.tsx';
import { roleLabel } from '../../structure/roles.ts';
import '../../styles/spaces.css';

export function InvitationPage({ query }: PageProps) {
  useTitle('Invitation');
  const token = query.get('token') ?? '';
  const auth = useAuth();
  const { href } = useLocation();
  const invitation = useAsync((signal) => (token ? previewInvitation(token, signal) : Promise.resolve(null)), [token]);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();

  const join = async (action: () => Promise<{ structure: { id: string } }>) => {
    const done = await submit.run(action);
    if (!done) return;
    await refreshAuth();
    navigate(`/structure/${done.structure.id}`);
  };

  if (!token || invitation.error) {
    return (
      <div class="page-narrow">
        <h1>Invitation</h1>
        <ErrorNotice title="Invitation invalide ou expirée" message={invitation.error?.userMessage ?? 'Le lien est incomplet : ouvrez le lien du courriel en entier.'} />
      </div>
    );
  }
  if (!invitation.data || auth.status === 'loading') return <Loading />;
  const i = invitation.data;
  const signedInAs = auth.status === 'signed-in' ? auth.me.user.email.toLowerCase() : null;
  return (
    <div class="page-narrow">
      <h1>Rejoindre « {i.structure.name} »</h1>
      <p class="lead">
        {i.invited_by ?? 'Un administrateur'} vous invite à rejoindre la structure comme {roleLabel(i.role)}, avec l’adresse {i.email}. Invitation valable jusqu’au{' '}
        {dateText(i.expires_at)}.
      </p>
      <FormProblems submit={submit} fields={{ name: 'invitation-nom', password: 'invitation-mot-de-passe' }} general={['token']} />
      {signedInAs === i.email ? (
        <button type="button" class="button" disabled={submit.submitting} onClick={() => join(() => acceptInvitation(token))}>
          Accepter l’invitation
        </button>
      ) : signedInAs ? (
        <ErrorNotice title="Autre adresse" message={`Vous êtes connecté avec ${signedInAs}. Déconnectez-vous, puis connectez-vous avec ${i.email} pour accepter l’invitation.`} />
      ) : i.account_exists ? (
        <p>
          <a class="button" href={`/connexion?retour=${encodeURIComponent(href)}`}>
            Se connecter avec {i.email}
          </a>
        </p>
      ) : (
        <form
          class="panel"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const local: Record<string, string> = {};
            if (!name.trim()) local.name = 'Indiquez votre nom.';
            if (password.length < PASSWORD_MIN) local.password = `Choisissez un mot de passe d’au moins ${PASSWORD_MIN} caractères.`;
            if (Object.keys(local).length) return submit.fail(local);
            void join(() => signupByInvitation({ token, name: name.trim(), password }));
          }}
        >
          <h2>Créer votre compte</h2>
          <p class="hint">Votre adresse {i.email} est confirmée par ce lien.</p>
          <TextField id="invitation-nom" label="Nom et prénom" autoComplete="name" required value={name} onValue={setName} error={submit.fieldErrors.name} maxLength={120} />
          <NewPasswordField id="invitation-mot-de-passe" label="Mot de passe" value={password} onValue={setPassword} error={submit.fieldErrors.password} />
          <button type="submit" class="button" disabled={submit.submitting}>
            Créer mon compte et rejoindre la structure
          </button>
        </form>
      )}
    </div>
  );
}
