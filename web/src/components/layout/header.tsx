/**
 * The site header: service name, main navigation (with the orientation count), who is signed in.
 * « Ma structure » appears for the members of a structure, « Coordination » for coordinators (GET /api/me).
 */
import { useLocation } from '../../router.ts';
import { useBasket } from '../../state/basket.ts';
import { useAuth, type AuthState } from '../../state/auth.ts';
import { Icon, type IconName } from '../ui/icon.tsx';
import { AccountMenu } from './account-menu.tsx';
import { SERVICE_NAME } from '../ui/use-title.ts';

interface NavItem {
  href: string;
  label: string;
  icon: IconName;
  /** Paths that belong to this item besides href itself. */
  prefix?: string;
}

const NAV: NavItem[] = [
  { href: '/', label: 'Où orienter ?', icon: 'search', prefix: '/offres/' },
  { href: '/diagnostic', label: 'Diagnostic', icon: 'users' },
];

/** The spaces the signed-in person works in. */
function spaceItems(auth: AuthState): NavItem[] {
  if (auth.status !== 'signed-in') return [];
  const { roles } = auth.me;
  const items: NavItem[] = [];
  if (roles.memberships.length) items.push({ href: '/structure', label: 'Ma structure', icon: 'building', prefix: '/structure/' });
  if (roles.admin || roles.coordinatorDepartements.length) items.push({ href: '/coordination', label: 'Coordination', icon: 'map', prefix: '/coordination/' });
  return items;
}

export function Header() {
  const { path } = useLocation();
  const basket = useBasket();
  const nav = [...NAV, ...spaceItems(useAuth())];
  const current = (item: NavItem) => path === item.href || (item.prefix ? path.startsWith(item.prefix) : false);
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <a class="brand" href="/">
          <span class="brand__mark" aria-hidden="true">
            <Icon name="pin" size={22} />
          </span>
          <span class="brand__name">{SERVICE_NAME}</span>
        </a>
        <nav class="main-nav" aria-label="Navigation principale">
          <ul>
            {nav.map((item) => (
              <li>
                <a href={item.href} aria-current={current(item) ? 'page' : undefined}>
                  <Icon name={item.icon} />
                  {item.label}
                </a>
              </li>
            ))}
            <li>
              <a href="/orientation" aria-current={path === '/orientation' ? 'page' : undefined} data-testid="basket-link">
                <Icon name="list" />
                Orientation
                <span class="count" aria-label={`${basket.length} action${basket.length > 1 ? 's' : ''} choisie${basket.length > 1 ? 's' : ''}`}>
                  {basket.length}
                </span>
              </a>
            </li>
          </ul>
        </nav>
        <AccountMenu />
      </div>
    </header>
  );
}
