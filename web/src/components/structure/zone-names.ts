/** Names of zone codes (communes, EPCI, départements) for the pickers, asked once per code and remembered for the visit. */
import { useEffect, useState } from 'preact/hooks';
import { nameZones } from '../../api/space-endpoints.ts';
import type { ZoneName } from '../../api/space-types.ts';

const known = new Map<string, ZoneName>();

export function rememberZone(zone: ZoneName): void {
  known.set(zone.code, zone);
}

/** The names of `codes`: known ones at once, the others once the API answered. */
export function useZoneNames(codes: readonly string[]): Map<string, ZoneName> {
  const [, setTick] = useState(0);
  const missing = codes.filter((c) => !known.has(c));
  const key = missing.join(',');
  useEffect(() => {
    if (!missing.length) return;
    const controller = new AbortController();
    nameZones(missing.slice(0, 500), controller.signal).then(
      ({ items }) => {
        for (const z of items) rememberZone(z);
        setTick((n) => n + 1);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [key]);
  return known;
}
