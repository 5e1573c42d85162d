/**
 * Where an offer stands and what can be done with it: publish, « rien n'a changé » (confirm),
 * suspend until a date, archive — each with a French confirmation of what happened, or the API's
 * reasons (a publication refused lists the fields to fill, shown at those fields by the form).
 */
import { useState } from 'preact/hooks';
import type { EditableOffer } from '../../api/space-types.ts';
import { offerAction, type OfferAction } from '../../api/space-endpoints.ts';
import { dateText } from '../../format.ts';
import type { FieldErrors } from '../../structure/field-errors.ts';
import { ApiError } from '../../api/client.ts';
import { useSubmit } from '../forms/use-submit.ts';
import { TextField } from '../forms/text-field.tsx';
import { ErrorNotice } from '../ui/error-notice.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { OverdueBadge } from '../ui/badges.tsx';
import { StatusBadge } from '../spaces/status-badges.tsx';

const DONE: Readonly<Record<string, string>> = {
  publish: 'Offre publiée : elle apparaît dans la recherche « Où orienter ? » et sur le diagnostic des référents.',
  confirm: 'Merci : l’offre est confirmée à jour aujourd’hui.',
  archive: 'Offre archivée : elle n’apparaît plus dans les recherches. Vous pourrez la republier.',
};

function statusText(o: EditableOffer): string {
  switch (o.status) {
    case 'draft':
      return 'Brouillon : visible seulement par votre structure et la coordination du département.';
    case 'published':
      return 'Publiée : les professionnels la trouvent dans « Où orienter ? ».';
    case 'suspended':
      return `Suspendue jusqu’au ${dateText(o.suspended_until!)} inclus : elle reviendra d’elle-même le lendemain.`;
    default:
      return 'Archivée : elle n’apparaît plus nulle part, mais vous pouvez la republier.';
  }
}

/** Tomorrow and a year ahead (YYYY-MM-DD), the bounds the API gives a suspension. */
function suspensionBounds(now = new Date()): { min: string; max: string } {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const min = new Date(now.getTime() + 86_400_000);
  const max = new Date(now);
  max.setFullYear(max.getFullYear() + 1);
  return { min: day(min), max: day(max) };
}

export function OfferActions({ offer, onChanged, onProblems }: { offer: EditableOffer; onChanged: (offer: EditableOffer) => void; onProblems: (errors: FieldErrors) => void }) {
  const submit = useSubmit();
  const [open, setOpen] = useState<'suspend' | 'archive' | null>(null);
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const act = async (action: OfferAction, body?: Record<string, unknown>) => {
    setDone(null);
    const result = await submit.run(() => offerAction(offer.id, action, body));
    if (!result) return;
    setOpen(null);
    setReason('');
    onProblems({});
    setDone(action === 'suspend' ? `Offre suspendue jusqu’au ${dateText(result.suspended_until!)} inclus.` : DONE[action]!);
    onChanged(result);
  };
  const publish = async () => {
    setDone(null);
    setOpen(null);
    const result = await submit.run(async () => {
      try {
        return await offerAction(offer.id, 'publish');
      } catch (error) {
        // A refused publication: what is missing goes to the form's fields.
        if (error instanceof ApiError && error.status === 422) onProblems(Object.fromEntries(error.errors.map((e) => [e.path, e.message])));
        throw error;
      }
    });
    if (result) {
      onProblems({});
      setDone(DONE.publish!);
      onChanged(result);
    }
  };
  const problems = submit.formError?.status === 422 && open === null ? submit.formError : null;
  const bounds = suspensionBounds();
  const s = offer.status;

  return (
    <section class="panel offer-actions" aria-labelledby="statut-titre">
      <h2 id="statut-titre">Statut</h2>
      <p class="badges">
        <StatusBadge kind="offer" status={s} />
        {offer.overdue && <OverdueBadge />}
      </p>
      <p data-testid="offer-status">{statusText(offer)}</p>
      {offer.confirmed_at && <p class="hint">Dernière confirmation : {dateText(offer.confirmed_at)}.</p>}
      {offer.overdue && <p class="notice notice--warning">À confirmer : la fiche n’a pas été confirmée depuis plus de {offer.update_frequency_months} mois.</p>}
      {done && <SuccessNotice message={done} />}
      {submit.formError && (
        <ErrorNotice title={submit.formError.title} message={problems ? `${submit.formError.userMessage} Les champs à compléter sont signalés dans la fiche.` : submit.formError.userMessage} />
      )}
      <div class="offer-actions__buttons">
        {(s === 'draft' || s === 'suspended' || s === 'archived') && (
          <button type="button" class="button" disabled={submit.submitting} onClick={publish}>
            {s === 'draft' ? 'Publier' : 'Republier'}
          </button>
        )}
        {(s === 'published' || s === 'suspended') && (
          <button type="button" class="button button--secondary" disabled={submit.submitting} onClick={() => act('confirm')}>
            Rien n’a changé
          </button>
        )}
        {s === 'published' && (
          <button type="button" class="button button--secondary" aria-expanded={open === 'suspend'} onClick={() => setOpen(open === 'suspend' ? null : 'suspend')}>
            Suspendre…
          </button>
        )}
        {s !== 'archived' && (
          <button type="button" class="button button--tertiary" aria-expanded={open === 'archive'} onClick={() => setOpen(open === 'archive' ? null : 'archive')}>
            Archiver…
          </button>
        )}
        {s === 'published' && (
          <a class="button button--tertiary" href={`/offres/${offer.id}`}>
            Voir la fiche publique
          </a>
        )}
      </div>
      {open === 'suspend' && (
        <form
          class="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act('suspend', { until, ...(reason.trim() ? { reason: reason.trim() } : {}) });
          }}
        >
          <p>Complet, fermeture pour congés, travaux… L’offre disparaît des recherches jusqu’à la date choisie, puis revient d’elle-même.</p>
          <TextField id="suspendre-jusqu-au" label="Suspendue jusqu’au (inclus)" type="date" min={bounds.min} max={bounds.max} required value={until} onValue={setUntil} error={submit.fieldErrors.until} />
          <TextField id="suspendre-motif" label="Motif (facultatif)" value={reason} onValue={setReason} maxLength={500} />
          <button type="submit" class="button" disabled={submit.submitting}>
            Suspendre l’offre
          </button>
        </form>
      )}
      {open === 'archive' && (
        <form
          class="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act('archive', reason.trim() ? { reason: reason.trim() } : {});
          }}
        >
          <p>L’offre n’existe plus ou ne sera pas reconduite ? Archivée, elle n’apparaît plus nulle part ; son historique est conservé.</p>
          <TextField id="archiver-motif" label="Motif (facultatif)" value={reason} onValue={setReason} maxLength={500} />
          <button type="submit" class="button button--danger" disabled={submit.submitting}>
            Archiver l’offre
          </button>
        </form>
      )}
    </section>
  );
}
