/**
 * /orientation — the actions chosen for a person, printable as a clean A4 recap (print CSS) and
 * shareable as /orientation?offres=<ids> (no personal data). Opening a shared link shows its
 * actions and offers to make them one's own orientation.
 */
import { useState } from 'preact/hooks';
import type { PageProps } from '../routes.ts';
import { ApiError } from '../api/client.ts';
import { getOffer } from '../api/endpoints.ts';
import type { OfferDetail } from '../api/types.ts';
import { useAsync } from '../state/use-async.ts';
import { useReferentials } from '../state/referentials.ts';
import { BASKET_MAX, clearBasket, removeFromBasket, replaceBasket, useBasket } from '../state/basket.ts';
import { navigate } from '../router.ts';
import { dateText, plural } from '../format.ts';
import { useTitle } from '../components/ui/use-title.ts';
import { Loading } from '../components/ui/loading.tsx';
import { Icon } from '../components/ui/icon.tsx';
import { RecapItem } from '../components/basket/recap-item.tsx';
import { ShareLink } from '../components/basket/share-link.tsx';
import { StaticMap } from '../components/basket/static-map.tsx';
import { visitPoint } from '../components/offer/address-block.tsx';

type Loaded = { id: string; offer: OfferDetail | null };

export function BasketPage({ query }: PageProps) {
  const basket = useBasket();
  const refs = useReferentials();
  const shared = query.has('offres');
  const ids = shared
    ? [...new Set((query.get('offres') ?? '').split(',').map((s) => s.trim()).filter(Boolean))].slice(0, BASKET_MAX)
    : basket.map((b) => b.id);
  useTitle(shared ? 'Orientation partagée' : 'Orientation');
  const [note, setNote] = useState('');

  const offers = useAsync(
    (signal) =>
      Promise.all(
        ids.map((id) =>
          getOffer(id, signal).then(
            (offer): Loaded => ({ id, offer }),
            (e: unknown) => {
              if (e instanceof ApiError && e.status === 404) return { id, offer: null };
              throw e;
            },
          ),
        ),
      ),
    [ids.join(',')],
  );

  const found = (offers.data ?? []).filter((l): l is { id: string; offer: OfferDetail } => l.offer !== null);
  const missing = (offers.data ?? []).filter((l) => l.offer === null);
  const places = found.flatMap(({ offer }, i) => {
    const point = visitPoint(offer);
    return point ? [{ n: i + 1, name: offer.name, ...point }] : [];
  });
  const departements = [...new Set(found.map(({ offer }) => offer.departement_code ?? offer.structure.departement_code).filter((d): d is string => !!d))];

  const adopt = () => {
    replaceBasket(found.map(({ offer }) => ({ id: offer.id, name: offer.name, structureName: offer.structure.name })));
    navigate('/orientation');
  };

  return (
    <div class="basket-page page-medium">
      <h1>
        <span class="no-print">{shared ? 'Orientation partagée' : 'Orientation'}</span>
        <span class="print-only">Vos démarches d’insertion</span>
      </h1>
      <p class="print-only">Document remis le {dateText(new Date().toISOString())}.</p>
      {ids.length === 0 ? (
        <div class="welcome">
          <p>Aucune action choisie pour l’instant.</p>
          <p>
            Ajoutez des actions depuis <a href="/">la recherche</a> ou <a href="/diagnostic">le diagnostic</a> (bouton « Ajouter à l’orientation ») : elles s’affichent ici, prêtes à
            imprimer pour la personne.
          </p>
        </div>
      ) : (
        <>
          <p class="lead no-print">
            {plural(ids.length, 'action')} {shared ? 'dans ce lien' : 'choisie' + (ids.length > 1 ? 's' : '')}. Imprimez le récapitulatif pour la personne : adresses, horaires, téléphone et
            démarche pour chaque action.
          </p>
          <div class="basket-actions no-print">
            <button type="button" class="button" onClick={() => window.print()} disabled={!found.length}>
              <Icon name="print" />
              Imprimer le récapitulatif
            </button>
            {shared ? (
              <button type="button" class="button button--secondary" onClick={adopt} disabled={!found.length}>
                {basket.length ? 'Remplacer mon orientation par celle-ci' : 'En faire mon orientation'}
              </button>
            ) : (
              <>
                <a class="button button--secondary" href="/orientation/envoyer" aria-disabled={!found.length || undefined}>
                  <Icon name="mail" />
                  Envoyer l’orientation aux structures
                </a>
                <button type="button" class="button button--tertiary" onClick={clearBasket}>
                  Tout retirer
                </button>
              </>
            )}
          </div>
          {!shared && (
            <div class="field no-print">
              <label for="mot-personne">
                Mot pour la personne <span class="hint-inline">(facultatif, imprimé mais jamais enregistré)</span>
              </label>
              <textarea id="mot-personne" value={note} maxLength={600} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
            </div>
          )}
          {note.trim() && <p class="print-only description">{note.trim()}</p>}
          {offers.error && !offers.data && <p class="notice notice--error">{offers.error.userMessage}</p>}
          {!offers.data && !offers.error && <Loading label="Chargement des actions…" />}
          {missing.length > 0 && (
            <p class="notice notice--warning no-print">
              <Icon name="alert" />
              <span>
                {plural(missing.length, 'action n’est', 'actions ne sont')} plus publiée{missing.length > 1 ? 's' : ''}.
                {!shared && (
                  <button type="button" class="button button--tertiary button--small" onClick={() => missing.forEach((m) => removeFromBasket(m.id))}>
                    La retirer
                  </button>
                )}
              </span>
            </p>
          )}
          {places.length > 0 && (
            <div class="recap-map">
              <StaticMap places={places} departements={departements} />
            </div>
          )}
          {found.map(({ offer }, i) => (
            <RecapItem n={i + 1} offer={offer} refs={refs.data} onRemove={shared ? undefined : () => removeFromBasket(offer.id)} />
          ))}
          {found.length > 0 && <ShareLink ids={found.map(({ offer }) => offer.id)} />}
          <p class="print-only print-footer">
            Horaires, places et conditions peuvent changer : appelez avant de vous déplacer. Document établi avec le service « Offre locale d’insertion » ({window.location.host}).
          </p>
        </>
      )}
    </div>
  );
}
