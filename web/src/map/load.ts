/** The only way the app reaches the map chunk: a dynamic import, so MapLibre stays out of the entry bundle. */
export type MapModule = typeof import('./index.ts');

let pending: Promise<MapModule> | null = null;

export function loadMapModule(): Promise<MapModule> {
  pending ??= import('./index.ts').catch((error: unknown) => {
    pending = null;
    throw error;
  });
  return pending;
}

/** Whether this browser can draw the map (WebGL). Without it, the list alone is shown. */
export function canDrawMaps(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}
