/** Map colours, matching the app's CSS custom properties (styles/base.css). */
export const MAP_COLORS = {
  background: '#eef0f3',
  land: '#ffffff',
  communeLine: '#c5cad3',
  departementLine: '#5c6270',
  primary: '#1b3b8b',
  highlight: '#c2410c',
  origin: '#0f5132',
} as const;
