/** Node-side defaults that depend on the checkout layout. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared/geo beside the repository when it exists (developers and CI have it), else null. */
export function defaultGeoDir(): string | null {
  const dir = fileURLToPath(new URL('../../shared/geo', import.meta.url));
  return existsSync(dir) ? dir : null;
}
