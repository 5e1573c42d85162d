/** /connexion — sign in with email and password; back to where the person came from. */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { navigate } from '../../router.ts';
import { signIn } from '../../state/auth.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { TextField } from '../../components/forms/text-field.tsx';
import { useSubmit } from '../../components/forms/use-submit.ts';
import { FormProblems } from '../../components/forms/form-problems.tsx';
import { safeReturnPath } from './return-path.ts';

const FIELDS = { email: 'email', password: 'mot-de-passe' };

export function LoginPage({ query }: PageProps) {
  useTitle('Se connecter');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();
  const back = safeReturnPath(query.get('retour'));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = 'Indiquez votre adresse électronique.';
    if (!password) missing.password = 'Indiquez votre mot de passe.';
    if (Object.keys(missing).length) return submit.fail(missing);
    const me = await submit.run(() => signIn(email.trim(), password));
    if (me) navigate(back ?? '/');
  };

  return (
    <div class="page-narrow">
      <h1>Se connecter</h1>
      <p class="lead">Le compte professionnel donne accès aux contacts réservés aux professionnels et, pour les structures, à la mise à jour de leur offre.</p>
      <FormProblems submit={submit} fields={FIELDS} />
      <form class="panel" noValidate onSubmit={onSubmit}>
        <TextField id={FIELDS.email} label="Adresse électronique" type="email" autoComplete="email" required value={email} onValue={setEmail} error={submit.fieldErrors.email} />
        <TextField id={FIELDS.password} label="Mot de passe" type="password" autoComplete="current-password" required value={password} onValue={setPassword} error={submit.fieldErrors.password} />
        <div class="form-actions">
          <button type="submit" class="button" disabled={submit.submitting}>
            {submit.submitting ? 'Connexion…' : 'Se connecter'}
          </button>
          <a href="/mot-de-passe-oublie">Mot de passe oublié ?</a>
        </div>
      </form>
      <p>
        Pas encore de compte ? <a href="/inscription">Créer un compte professionnel</a>
      </p>
    </div>
  );
}
