/** In development, mails are not sent: says where to read them (the API's /dev/outbox page). */
import { getConfig } from '../../api/endpoints.ts';
import { useAsync } from '../../state/use-async.ts';

export function DevOutboxHint() {
  const config = useAsync(() => getConfig(), []);
  if (!config.data?.dev_outbox) return null;
  return (
    <p class="hint">
      Environnement de développement : les courriels ne partent pas, ils sont lisibles sur la page <a href="/dev/outbox">Courriels envoyés</a>.
    </p>
  );
}
