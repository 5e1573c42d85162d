/** The coordination pages' tabs; the chosen département goes along from one page to the other. */
import { useLocation } from '../../router.ts';

/** One line per coordination page. */
export const COORDINATION_PAGES = [
  { href: '/coordination', label: 'À traiter' },
  { href: '/coordination/couverture', label: 'Couverture' },
  { href: '/coordination/indicateurs', label: 'Indicateurs' },
  { href: '/coordination/campagnes', label: 'Campagnes de mise à jour' },
];

export function CoordinationNav({ dept }: { dept: string | null }) {
  const { path } = useLocation();
  return (
    <nav class="coordination-nav" aria-label="Coordination">
      <ul>
        {COORDINATION_PAGES.map((p) => (
          <li>
            <a href={dept ? `${p.href}?dept=${encodeURIComponent(dept)}` : p.href} aria-current={path === p.href ? 'page' : undefined}>
              {p.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
