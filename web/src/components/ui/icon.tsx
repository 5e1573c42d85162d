/** Our own line icons (24×24, stroke), decorative: the text next to them says the same thing. */
type Circle = readonly [cx: number, cy: number, r: number];
interface IconDef {
  d: string;
  circles?: readonly Circle[];
}

const ICONS = {
  // Barriers (names from api/domain/referentials/barriers.ts BarrierIcon)
  car: { d: 'M3 13l2-5a2 2 0 0 1 2-1h10a2 2 0 0 1 2 1l2 5v5H3zM3 13h18M5 18v2M19 18v2', circles: [[7.5, 15.5, 1], [16.5, 15.5, 1]] },
  child: { d: 'M7 11l5-2 5 2M12 9v6M12 15l-3 6M12 15l3 6', circles: [[12, 5, 2.5]] },
  health: { d: 'M9 3h6v6h6v6h-6v6H9v-6H3V9h6z' },
  home: { d: 'M3 11l9-8 9 8M5 10v11h14V10M10 21v-6h4v6' },
  book: { d: 'M4 19V5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2 2 2 0 0 0 2 2h13M8 7h7M8 11h5' },
  laptop: { d: 'M5 5h14v10H5zM2 19h20' },
  file: { d: 'M14 3H6v18h12V7zM14 3v4h4M9 12h6M9 16h6' },
  euro: { d: 'M18 7a6 6 0 1 0 0 10M4 10h10M4 14h10' },
  briefcase: { d: 'M3 8h18v12H3zM9 8V5h6v3M3 13h18' },
  school: { d: 'M2 9l10-5 10 5-10 5zM6 11v5c3 2 9 2 12 0v-5M22 9v6' },
  sun: { d: 'M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4', circles: [[12, 12, 4]] },
  // Interface
  list: { d: 'M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01' },
  user: { d: 'M4 21a8 8 0 0 1 16 0', circles: [[12, 8, 4]] },
  pin: { d: 'M12 21s-7-7-7-12a7 7 0 0 1 14 0c0 5-7 12-7 12z', circles: [[12, 9, 2.5]] },
  clock: { d: 'M12 7v5l3 2', circles: [[12, 12, 9]] },
  phone: { d: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2' },
  mail: { d: 'M3 5h18v14H3zM3 6l9 7 9-7' },
  print: { d: 'M6 9V3h12v6M6 18H4v-7h16v7h-2M6 14h12v7H6z' },
  link: { d: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1' },
  check: { d: 'M5 12l5 5L20 7' },
  alert: { d: 'M12 3l10 18H2zM12 10v4M12 17h.01' },
  plus: { d: 'M12 5v14M5 12h14' },
  close: { d: 'M6 6l12 12M18 6L6 18' },
  search: { d: 'M21 21l-5-5', circles: [[11, 11, 7]] },
  info: { d: 'M12 8h.01M11 12h1v5h1', circles: [[12, 12, 9]] },
  door: { d: 'M4 21h16M6 21V3h12v18M14 12h.01' },
  users: { d: 'M2 21a7 7 0 0 1 14 0M16 3.5a4 4 0 0 1 0 7.5M18 14a6 6 0 0 1 4 7', circles: [[9, 8, 4]] },
  euroCircle: { d: 'M15 9a3.5 3.5 0 1 0 0 6M8 11h6M8 13h6', circles: [[12, 12, 9]] },
  calendar: { d: 'M3 5h18v16H3zM3 10h18M8 3v4M16 3v4' },
  arrowLeft: { d: 'M19 12H5M11 6l-6 6 6 6' },
  filter: { d: 'M3 5h18l-7 8v6l-4 2v-8z' },
  building: { d: 'M4 21V5l8-2v18M12 8h8v13M4 21h18M8 8h.01M8 12h.01M8 16h.01M16 12h.01M16 16h.01' },
  map: { d: 'M9 4L3 6v14l6-2 6 2 6-2V4l-6 2zM9 4v14M15 6v14' },
  download: { d: 'M12 4v11M7 10l5 5 5-5M5 20h14' },
} satisfies Record<string, IconDef>;

export type IconName = keyof typeof ICONS;

export function Icon({ name, size = 20, class: className }: { name: IconName; size?: number; class?: string }) {
  const icon: IconDef = ICONS[name];
  return (
    <svg
      class={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={icon.d} />
      {icon.circles?.map(([cx, cy, r]) => <circle cx={cx} cy={cy} r={r} />)}
    </svg>
  );
}
