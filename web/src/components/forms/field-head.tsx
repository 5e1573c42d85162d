/** The label, hint and error of a form field, with the ids its input points to (aria-describedby). */
export function describedByOf(id: string, hint?: string, error?: string | null): string | undefined {
  return [hint ? `${id}-aide` : '', error ? `${id}-erreur` : ''].filter(Boolean).join(' ') || undefined;
}

export function FieldHead({ id, label, required, hint, error }: { id: string; label: string; required?: boolean | undefined; hint?: string | undefined; error?: string | null | undefined }) {
  return (
    <>
      <label for={id}>
        {label}
        {required && <span class="required"> (obligatoire)</span>}
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
    </>
  );
}

/** The hint and the error under a label or a legend, with the ids describedByOf points to. */
export function FieldNotes({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | null | undefined }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-aide`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${id}-erreur`}>
          {error}
        </p>
      )}
    </>
  );
}
