/** /inscription — create a professional account; the API mails a confirmation link to /verifier-email. */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { signup } from '../../api/endpoints.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { TextField } from '../../components/forms/text-field.tsx';
import { useSubmit } from '../../components/forms/use-submit.ts';
import { FormProblems } from '../../components/forms/form-problems.tsx';
import { SuccessNotice } from '../../components/ui/success-notice.tsx';
import { DevOutboxHint } from '../../components/ui/dev-outbox-hint.tsx';
import { NewPasswordField, PASSWORD_MIN } from '../../components/forms/new-password-field.tsx';

const FIELDS = { name: 'nom', email: 'email', password: 'mot-de-passe' };

export function SignupPage(_: PageProps) {
  useTitle('Créer un compte');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit();

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'Indiquez votre nom.';
    if (!email.trim()) local.email = 'Indiquez votre adresse électronique.';
    if (password.length < PASSWORD_MIN) local.password = `Choisissez un mot de passe d’au moins ${PASSWORD_MIN} caractères.`;
    if (Object.keys(local).length) return submit.fail(local);
    const answer = await submit.run(() => signup({ name: name.trim(), email: email.trim(), password }));
    if (answer) setDone(answer.message);
  };

  if (done) {
    return (
      <div class="page-narrow">
        <h1>Vérifiez votre messagerie</h1>
        <SuccessNotice message={done} />
        <p>Le lien est valable quelques heures. Rien reçu ? Regardez dans les courriels indésirables, ou recommencez l’inscription.</p>
        <DevOutboxHint />
      </div>
    );
  }
  return (
    <div class="page-narrow">
      <h1>Créer un compte professionnel</h1>
      <p class="lead">Pour les agents, référents et structures : un compte donne accès aux contacts réservés aux professionnels.</p>
      <FormProblems submit={submit} fields={FIELDS} />
      <form class="panel" noValidate onSubmit={onSubmit}>
        <TextField id={FIELDS.name} label="Nom et prénom" autoComplete="name" required value={name} onValue={setName} error={submit.fieldErrors.name} maxLength={120} />
        <TextField
          id={FIELDS.email}
          label="Adresse électronique professionnelle"
          type="email"
          autoComplete="email"
          required
          value={email}
          onValue={setEmail}
          error={submit.fieldErrors.email}
        />
        <NewPasswordField
          id={FIELDS.password}
          label="Mot de passe"
          hint={`${PASSWORD_MIN} caractères au moins ; une phrase facile à retenir convient très bien.`}
          value={password}
          onValue={setPassword}
          error={submit.fieldErrors.password}
        />
        <div class="form-actions">
          <button type="submit" class="button" disabled={submit.submitting}>
            {submit.submitting ? 'Création…' : 'Créer mon compte'}
          </button>
        </div>
      </form>
      <p>
        Déjà un compte ? <a href="/connexion">Se connecter</a>
      </p>
    </div>
  );
}
