/** « Signaler une erreur »: a short message (and an optional email to be answered) sent to the département's coordinators. */
import { useState } from 'preact/hooks';
import { reportOffer } from '../../api/endpoints.ts';
import { TextField } from '../forms/text-field.tsx';
import { useSubmit } from '../forms/use-submit.ts';
import { FormProblems } from '../forms/form-problems.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { Icon } from '../ui/icon.tsx';

const FIELDS = { message: 'signalement-message', email: 'signalement-email' };

export function ReportForm({ offerId }: { offerId: string }) {
  const [message, setMessage] = useState('');
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit();

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (message.trim().length < 10) return submit.fail({ message: 'Décrivez l’erreur en quelques mots (10 caractères au moins).' });
    const answer = await submit.run(() => reportOffer(offerId, { message: message.trim(), ...(email.trim() ? { email: email.trim() } : {}) }));
    if (answer) setDone(answer.message);
  };

  return (
    <details class="panel report no-print">
      <summary>
        <Icon name="alert" />
        Signaler une erreur sur cette offre
      </summary>
      {done ? (
        <SuccessNotice message={done} />
      ) : (
        <form noValidate onSubmit={onSubmit}>
          <p class="hint">Un numéro qui ne répond plus, des horaires qui ont changé, une action arrêtée ? L’équipe qui tient l’offre du département corrigera.</p>
          <FormProblems submit={submit} fields={FIELDS} />
          <TextField id={FIELDS.message} label="Qu’est-ce qui est faux ?" multiline required maxLength={2000} value={message} onValue={setMessage} error={submit.fieldErrors.message} />
          <TextField
            id={FIELDS.email}
            label="Votre adresse électronique"
            type="email"
            autoComplete="email"
            hint="Facultatif : seulement pour vous répondre."
            value={email}
            onValue={setEmail}
            error={submit.fieldErrors.email}
          />
          <button type="submit" class="button" disabled={submit.submitting}>
            Envoyer le signalement
          </button>
        </form>
      )}
    </details>
  );
}
