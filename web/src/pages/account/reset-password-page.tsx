/** /reinitialiser-mot-de-passe?token= — the landing page of the reset mail: choose a new password. */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { resetPassword } from '../../api/endpoints.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { ErrorSummary } from '../../components/forms/error-summary.tsx';
import { summaryOf, useSubmit } from '../../components/forms/use-submit.ts';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { SuccessNotice } from '../../components/ui/success-notice.tsx';
import { NewPasswordField, PASSWORD_MIN } from '../../components/forms/new-password-field.tsx';

const FIELDS = { password: 'mot-de-passe', confirmation: 'confirmation', token: 'mot-de-passe' };

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
        <SuccessNotice title="Mot de passe modifié" message={done}>
          <p>
            <a class="button" href="/connexion">
              Se connecter
            </a>
          </p>
        </SuccessNotice>
      ) : (
        <>
          {submit.formError && (submit.fieldErrors.token || !Object.keys(submit.fieldErrors).length) && (
            <ErrorNotice title={submit.formError.title} message={submit.formError.userMessage} />
          )}
          <ErrorSummary errors={summaryOf(submit.fieldErrors, FIELDS).filter((e) => !submit.fieldErrors.token || e.message !== submit.fieldErrors.token)} />
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
