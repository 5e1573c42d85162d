/**
 * ../shared material in tests. When it is missing, tests that need it are skipped LOUDLY, and
 * REQUIRE_SHARED=1 (CI) turns the absence into a failure.
 */
import { defaultGeoDir } from '../../seed/paths.ts';

/** ../shared/geo, or null after a visible warning (throws when REQUIRE_SHARED=1). */
export function sharedGeoDir(purpose: string): string | null {
  const dir = process.env.GEO_DIR || defaultGeoDir();
  if (dir) return dir;
  const message = `../shared/geo is missing: ${purpose} — tests that need it are SKIPPED.`;
  if (process.env.REQUIRE_SHARED === '1') throw new Error(`${message} (REQUIRE_SHARED=1 makes this a failure)`);
  console.warn(`\n*** ${message} ***\n`);
  return null;
}

/**
 * Whether ../shared/geo is there for tests that need commune centres (distances, reach, coverage):
 * without it the territory template has communes but no centres. Warns loudly when missing.
 */
export function hasSharedGeo(purpose: string): boolean {
  return sharedGeoDir(purpose) !== null;
}
