/** The field to choose a password (sign-up, reset): the API's rule stated up front. */
import { TextField } from './text-field.tsx';

/** The API's minimum length (api/auth/password.ts). */
export const PASSWORD_MIN = 12;

export function NewPasswordField(p: { id: string; label: string; value: string; onValue: (v: string) => void; error?: string | undefined; hint?: string }) {
  return (
    <TextField
      id={p.id}
      label={p.label}
      type="password"
      autoComplete="new-password"
      required
      hint={p.hint ?? `${PASSWORD_MIN} caractères au moins.`}
      value={p.value}
      onValue={p.onValue}
      error={p.error}
    />
  );
}
