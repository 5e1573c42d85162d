/** /verifier-email?token= — the landing page of the confirmation mail: confirms the address once. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageProps } from '../../routes.ts';
import { ApiError } from '../../api/client.ts';
import { verifyEmail } from '../../api/endpoints.ts';
import { useTitle } from '../../components/ui/use-title.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ErrorNotice } from '../../components/ui/error-notice.tsx';
import { SuccessNotice } from '../../components/ui/success-notice.tsx';

type State = { kind: 'working' } | { kind: 'done'; message: string } | { kind: 'failed'; message: string };

export function VerifyEmailPage({ query }: PageProps) {
  useTitle('Confirmation de l’adresse');
  const token = query.get('token');
  const [state, setState] = useState<State>(token ? { kind: 'working' } : { kind: 'failed', message: 'Le lien est incomplet : ouvrez le lien du courriel en entier (ou copiez-le dans la barre d’adresse).' });
  // A token serves once: never post it twice (development re-renders, back and forth).
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    verifyEmail(token).then(
      // The API says « Adresse confirmée : … », which the notice's title already says.
      () => setState({ kind: 'done', message: 'Votre compte est prêt : connectez-vous avec cette adresse et votre mot de passe.' }),
      (e: unknown) => setState({ kind: 'failed', message: e instanceof ApiError ? e.userMessage : 'La confirmation a échoué. Réessayez.' }),
    );
  }, [token]);

  return (
    <div class="page-narrow">
      <h1>Confirmation de l’adresse électronique</h1>
      {state.kind === 'working' && <Loading label="Confirmation en cours…" />}
      {state.kind === 'done' && (
        <SuccessNotice title="Adresse confirmée" message={state.message} next={{ href: "/connexion", label: "Se connecter" }} />
      )}
      {state.kind === 'failed' && (
        <>
          <ErrorNotice title="Lien invalide ou expiré" message={state.message} />
          <p>
            <a href="/connexion">Se connecter</a> renvoie un nouveau lien si l’adresse n’est pas encore confirmée.
          </p>
        </>
      )}
    </div>
  );
}
