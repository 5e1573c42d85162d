/**
 * Contact of an offer: name, phone, email, and the structure's own contact. Contacts reserved to
 * professionals are left out by the API for anonymous visitors: say so and how to see them.
 */
import type { OfferDetail } from '../../api/types.ts';
import { useAuth } from '../../state/auth.ts';
import { useLocation } from '../../router.ts';
import { Icon } from '../ui/icon.tsx';

const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

function ContactLines({ name, phone, email, website }: { name?: string | null; phone: string | null; email: string | null; website?: string | null }) {
  if (!name && !phone && !email && !website) return null;
  return (
    <ul class="contact-list">
      {name && (
        <li>
          <Icon name="user" />
          {name}
        </li>
      )}
      {phone && (
        <li>
          <Icon name="phone" />
          <a href={tel(phone)}>{phone}</a>
        </li>
      )}
      {email && (
        <li>
          <Icon name="mail" />
          <a href={`mailto:${email}`}>{email}</a>
        </li>
      )}
      {website && (
        <li>
          <Icon name="link" />
          <a href={website} rel="noopener noreferrer" target="_blank">
            Site de la structure<span class="sr-only"> (nouvelle fenêtre)</span>
          </a>
        </li>
      )}
    </ul>
  );
}

export function ContactBlock({ offer }: { offer: OfferDetail }) {
  const auth = useAuth();
  const { href } = useLocation();
  const s = offer.structure;
  const hasOwn = Boolean(offer.phone || offer.email || offer.contact_name);
  const hasStructure = Boolean(s.phone || s.email || s.website);
  return (
    <div class="contact">
      <ContactLines name={offer.contact_name} phone={offer.phone} email={offer.email} />
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
      {hasStructure && (
        <>
          <p class="contact__structure">
            <strong>{s.name}</strong>
          </p>
          <ContactLines phone={s.phone} email={s.email} website={s.website} />
        </>
      )}
      {!hasOwn && !offer.contact_restricted && !hasStructure && <p>Aucun contact communiqué.</p>}
    </div>
  );
}
