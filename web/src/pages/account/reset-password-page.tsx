/** /reinitialiser-mot-de-passe?token= — the landing page of the reset mail: choose a new password. */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { resetPassword } from '../../api/endpoints.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { useSubmit } from '../../components/forms/use-submit.ts';
import { FormProblems } from '../../components/forms/form-problems.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { SuccessNotice } from '../../components/ui/success-notice.tsx';
import { NewPasswordField, PASSWORD_MIN } from '../../components/forms/new-password-field.tsx';

// An invalid or expired link (path token) is about the whole form: FormProblems shows the API's message.
const FIELDS = { password: 'mot-de-passe', confirmation: 'confirmation' };

export function ResetPasswordPage({ query }: PageProps) {
  useTitle('Nouveau mot de passe');
  const token = query.get('token');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit();

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (password.length < PASSWORD_MIN) local.password = `Choisissez un mot de passe d’au moins ${PASSWORD_MIN} caractères.`;
    else if (confirmation !== password) local.confirmation = 'Les deux mots de passe ne sont pas identiques.';
    if (Object.keys(local).length) return submit.fail(local);
    const answer = await submit.run(() => resetPassword(token ?? '', password));
    if (answer) setDone(answer.message);
  };

  if (!token) {
    return (
      <div class="page-narrow">
        <h1>Nouveau mot de passe</h1>
        <ErrorNotice title="Lien incomplet" message="Ouvrez le lien du courriel en entier, ou demandez-en un nouveau." />
        <p>
          <a href="/mot-de-passe-oublie">Demander un nouveau lien</a>
        </p>
      </div>
    );
  }
  return (
    <div class="page-narrow">
      <h1>Choisir un nouveau mot de passe</h1>
      {done ? (
        <SuccessNotice title="Mot de passe modifié" message={done} next={{ href: "/connexion", label: "Se connecter" }} />
      ) : (
        <>
          <FormProblems submit={submit} fields={FIELDS} general={['token']} />
          <form class="panel" noValidate onSubmit={onSubmit}>
            <NewPasswordField id={FIELDS.password} label="Nouveau mot de passe" value={password} onValue={setPassword} error={submit.fieldErrors.password} />
            <NewPasswordField
              id={FIELDS.confirmation}
              label="Confirmation du mot de passe"
              hint="Le même, une seconde fois."
              value={confirmation}
              onValue={setConfirmation}
              error={submit.fieldErrors.confirmation}
            />
            <button type="submit" class="button" disabled={submit.submitting}>
              Enregistrer le mot de passe
            </button>
          </form>
          <p>
            Lien expiré ? <a href="/mot-de-passe-oublie">Demander un nouveau lien</a>
          </p>
        </>
      )}
    </div>
  );
}
