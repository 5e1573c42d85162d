/**
 * Contact of an offer: name, phone, email, and the structure's own contact. Contacts reserved to
 * professionals are left out by the API for anonymous visitors: say so and how to see them.
 */
import type { OfferDetail } from '../../api/types.ts';
import { useAuth } from '../../state/auth.ts';
import { useLocation } from '../../router.ts';
import { Icon } from '../ui/icon.tsx';

const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

export function ContactBlock({ offer }: { offer: OfferDetail }) {
  const auth = useAuth();
  const { href } = useLocation();
  const s = offer.structure;
  const hasOwn = Boolean(offer.phone || offer.email || offer.contact_name);
  return (
    <div class="contact">
      {hasOwn && (
        <ul class="contact-list">
          {offer.contact_name && (
            <li>
              <Icon name="user" />
              {offer.contact_name}
            </li>
          )}
          {offer.phone && (
            <li>
              <Icon name="phone" />
              <a href={tel(offer.phone)}>{offer.phone}</a>
            </li>
          )}
          {offer.email && (
            <li>
              <Icon name="mail" />
              <a href={`mailto:${offer.email}`}>{offer.email}</a>
            </li>
          )}
        </ul>
      )}
      {offer.contact_restricted && (
        <p class="notice notice--info" data-testid="contact-restricted">
          <Icon name="info" />
          <span>
            Les coordonnées de l’interlocuteur sont réservées aux professionnels.{' '}
            {auth.status === 'signed-in' ? (
              'Elles ne sont pas communiquées ici : passez par le contact de la structure.'
            ) : (
              <>
                <a href={`/connexion?retour=${encodeURIComponent(href)}`}>Connectez-vous</a> avec votre compte professionnel pour les voir.
              </>
            )}
          </span>
        </p>
      )}
      {(s.phone || s.email || s.website) && (
        <>
          <p class="contact__structure">
            <strong>{s.name}</strong>
          </p>
          <ul class="contact-list">
            {s.phone && (
              <li>
                <Icon name="phone" />
                <a href={tel(s.phone)}>{s.phone}</a>
              </li>
            )}
            {s.email && (
              <li>
                <Icon name="mail" />
                <a href={`mailto:${s.email}`}>{s.email}</a>
              </li>
            )}
            {s.website && (
              <li>
                <Icon name="link" />
                <a href={s.website} rel="noopener noreferrer" target="_blank">
                  Site de la structure<span class="sr-only"> (nouvelle fenêtre)</span>
                </a>
              </li>
            )}
          </ul>
        </>
      )}
      {!hasOwn && !offer.contact_restricted && !s.phone && !s.email && <p>Aucun contact communiqué.</p>}
    </div>
  );
}
