/**
 * For the professional: whether the mail announcing the orientation reached the structure (sent,
 * still being sent, or not delivered), « Renvoyer à la structure » while it waits for an answer,
 * and how to reach the structure and the action directly.
 */
import { useState } from 'preact/hooks';
import { resendToStructure, type NoticeView, type OrientationDetail } from '../../api/orientations.ts';
import { dateText } from '../../format.ts';
import { FormProblems } from '../forms/form-problems.tsx';
import { useSubmit } from '../forms/use-submit.ts';
import { SuccessNotice } from '../ui/success-notice.tsx';

const BADGE: Record<NonNullable<NoticeView>['status'], string> = { sent: 'badge--success', pending: 'badge--muted', failed: 'badge--warning' };

export function NoticeBadge({ notice }: { notice: NoticeView | undefined }) {
  if (!notice) return null;
  return (
    <span class={`badge ${BADGE[notice.status]}`} data-notice={notice.status}>
      {notice.label}
    </span>
  );
}

export function ResendToStructure({ o, onSent }: { o: Pick<OrientationDetail, 'id' | 'status'> & { notice?: NoticeView }; onSent: () => void }) {
  const submit = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  if (o.status !== 'sent') return null;
  if (done) return <SuccessNotice message={done} />;
  const failed = o.notice?.status === 'failed';
  return (
    <div class={failed ? 'notice notice--warning' : ''} data-testid="resend">
      <div>
        {failed && <p class="notice__title">La structure n’a pas reçu le courriel</p>}
        <p>
          {failed
            ? 'Son serveur de messagerie l’a refusé ou ne répond pas. Renvoyez la demande, ou appelez la structure (coordonnées ci-dessous).'
            : 'Pas de réponse ? Renvoyez la demande à la structure, avec un nouveau lien pour répondre.'}
        </p>
        <FormProblems submit={submit} fields={{}} />
        <button
          type="button"
          class="button button--secondary"
          disabled={submit.submitting || o.notice?.status === 'pending'}
          onClick={async () => {
            const r = await submit.run(() => resendToStructure(o.id));
            if (r) {
              setDone(r.message);
              onSent();
            }
          }}
        >
          Renvoyer à la structure
        </button>
      </div>
    </div>
  );
}

function Contact({ phone, email }: { phone: string | null; email: string | null }) {
  return (
    <>
      {phone && (
        <>
          Téléphone : <a href={`tel:${phone.replace(/\s/g, '')}`}>{phone}</a>
        </>
      )}
      {phone && email && <br />}
      {email && (
        <>
          Courriel : <a href={`mailto:${email}`}>{email}</a>
        </>
      )}
      {!phone && !email && 'non renseignés'}
    </>
  );
}

export function StructureContacts({ o }: { o: OrientationDetail }) {
  if (!o.contacts) return null;
  const { structure, offer } = o.contacts;
  return (
    <dl class="facts" data-testid="structure-contacts">
      {o.notice && (
        <>
          <dt>Courriel à la structure</dt>
          <dd>
            <NoticeBadge notice={o.notice} />
            {o.notice.sent_at && ` le ${dateText(o.notice.sent_at)}`}
          </dd>
        </>
      )}
      {structure && (
        <>
          <dt>Joindre la structure</dt>
          <dd>
            <Contact phone={structure.phone} email={structure.email} />
          </dd>
        </>
      )}
      {offer && (
        <>
          <dt>Joindre l’action</dt>
          <dd>
            <Contact phone={offer.phone} email={offer.email} />
          </dd>
        </>
      )}
    </dl>
  );
}
