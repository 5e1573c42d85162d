/**
 * /fraicheur/confirmer?offre=&jeton= — opened from the monthly freshness mail: the offer, and one
 * button « Rien n’a changé » that confirms it without an account. (A page rather than a link that
 * confirms by itself: mail scanners open links, and must not confirm anything.)
 */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { confirmLinkedOffer, getLinkedOffer } from '../../api/orientations.ts';
import { useAsync } from '../../state/use-async.ts';
import { dateText } from '../../format.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { SuccessNotice } from '../../components/ui/success-notice.tsx';
import { FormProblems } from '../../components/forms/form-problems.tsx';
import { useSubmit } from '../../components/forms/use-submit.ts';

export function ConfirmOfferPage({ query }: PageProps) {
  useTitle('Confirmer une offre');
  const id = query.get('offre') ?? '';
  const token = query.get('jeton') ?? '';
  const linked = useAsync((signal) => getLinkedOffer(id, token, signal), [id, token]);
  const submit = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  // After « Rien n’a changé », the offer as the confirmation left it (its new date).
  const [confirmedAt, setConfirmedAt] = useState<string | null>(null);

  return (
    <div class="page-narrow">
      <h1>Confirmer une offre</h1>
      {linked.error && (
        <ErrorNotice
          title={linked.error.title}
          message={linked.error.status === 400 ? 'Ce lien est incomplet : copiez-le en entier depuis le courriel.' : linked.error.userMessage}
        />
      )}
      {!linked.data && !linked.error && <Loading />}
      {linked.data && (
        <section class="panel" aria-labelledby="offre-a-confirmer">
          <h2 id="offre-a-confirmer">{linked.data.offer.name}</h2>
          <p>{linked.data.structure.name}</p>
          <p>
            {(confirmedAt ?? linked.data.offer.confirmed_at) ? `Dernière confirmation : ${dateText((confirmedAt ?? linked.data.offer.confirmed_at)!)}.` : 'Jamais confirmée.'}
          </p>
          {done ? (
            <SuccessNotice message={done} next={{ href: `/offres/${linked.data.offer.id}`, label: 'Voir l’offre' }} />
          ) : (
            <>
              <FormProblems submit={submit} fields={{}} />
              <p>Les horaires, le contact, les conditions et les places sont toujours exacts ?</p>
              <div class="form-actions">
                <button
                  type="button"
                  class="button"
                  disabled={submit.submitting}
                  onClick={async () => {
                    const r = await submit.run(() => confirmLinkedOffer(id, token));
                    if (r) {
                      setConfirmedAt(r.offer.confirmed_at);
                      setDone(r.message);
                    }
                  }}
                >
                  Rien n’a changé
                </button>
                <a href={`/structure/offres/${linked.data.offer.id}`}>Modifier l’offre</a>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}
