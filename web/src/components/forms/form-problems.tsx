/**
 * What went wrong with a submission, above the form: the API's message when it is about the whole
 * form (wrong password, too many attempts, service down), else the list of fields to fix.
 * `fields` maps API paths to input ids; paths in `general` are about the form, not a field.
 */
import { ErrorNotice } from '../ui/error-notice.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { summaryOf, type SubmitState } from './use-submit.ts';

export function FormProblems({ submit, fields, general = [] }: { submit: SubmitState; fields: Record<string, string>; general?: string[] }) {
  const fieldErrors = Object.fromEntries(Object.entries(submit.fieldErrors).filter(([path]) => !general.includes(path)));
  const aboutForm = submit.formError && Object.keys(fieldErrors).length === 0;
  return (
    <>
      {aboutForm && <ErrorNotice title={submit.formError!.title} message={submit.formError!.userMessage} />}
      <ErrorSummary errors={summaryOf(fieldErrors, fields)} />
    </>
  );
}
