/** /mot-de-passe-oublie — asks for a reset link by mail (same answer whether the address has an account or not). */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { forgotPassword } from '../../api/endpoints.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { TextField } from '../../components/forms/text-field.tsx';
import { useSubmit } from '../../components/forms/use-submit.ts';
import { FormProblems } from '../../components/forms/form-problems.tsx';
import { SuccessNotice } from '../../components/ui/success-notice.tsx';
import { DevOutboxHint } from '../../components/ui/dev-outbox-hint.tsx';

const FIELDS = { email: 'email' };

export function ForgotPasswordPage(_: PageProps) {
  useTitle('Mot de passe oublié');
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit();
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!email.trim()) return submit.fail({ email: 'Indiquez votre adresse électronique.' });
    const answer = await submit.run(() => forgotPassword(email.trim()));
    if (answer) setDone(answer.message);
  };
  return (
    <div class="page-narrow">
      <h1>Mot de passe oublié</h1>
      {done ? (
        <>
          <SuccessNotice message={done} />
          <DevOutboxHint />
        </>
      ) : (
        <>
          <p class="lead">Indiquez l’adresse de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
          <FormProblems submit={submit} fields={FIELDS} />
          <form class="panel" noValidate onSubmit={onSubmit}>
            <TextField id={FIELDS.email} label="Adresse électronique" type="email" autoComplete="email" required value={email} onValue={setEmail} error={submit.fieldErrors.email} />
            <button type="submit" class="button" disabled={submit.submitting}>
              Recevoir un lien
            </button>
          </form>
        </>
      )}
      <p>
        <a href="/connexion">Retour à la connexion</a>
      </p>
    </div>
  );
}
