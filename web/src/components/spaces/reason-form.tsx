/**
 * A short form asking why (refusing a request or a structure, unpublishing an offer): the reason is
 * mailed to the people concerned, so the API wants a few words (5 characters at least).
 */
import { useState } from 'preact/hooks';
import { TextField } from '../forms/text-field.tsx';
import { useSubmit } from '../forms/use-submit.ts';
import { ErrorNotice } from '../ui/error-notice.tsx';

interface Props {
  id: string;
  label: string;
  hint?: string;
  submitLabel: string;
  onSubmit: (reason: string) => Promise<unknown>;
  onCancel: () => void;
}

export function ReasonForm({ id, label, hint, submitLabel, onSubmit, onCancel }: Props) {
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const send = async (event: Event) => {
    event.preventDefault();
    if (reason.trim().length < 5) return submit.fail({ reason: 'Expliquez en quelques mots (au moins 5 caractères) : la personne le lira.' });
    await submit.run(() => onSubmit(reason.trim()));
  };
  return (
    <form class="reason-form" noValidate onSubmit={send}>
      <TextField id={id} label={label} hint={hint} multiline rows={3} required value={reason} onValue={setReason} error={submit.fieldErrors.reason} maxLength={1000} />
      {submit.formError && !submit.fieldErrors.reason && <ErrorNotice message={submit.formError.userMessage} />}
      <div class="form-actions">
        <button type="submit" class="button button--danger" disabled={submit.submitting}>
          {submitLabel}
        </button>
        <button type="button" class="button button--tertiary" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
