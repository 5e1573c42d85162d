/** The territories picked in a zone or a list of communes, each with a button to take it out. */
import type { ZoneName } from '../../api/space-types.ts';
import { Icon } from '../ui/icon.tsx';

const KIND: Readonly<Record<string, string>> = { commune: 'commune', epci: 'intercommunalité', departement: 'département', france: '', pays: 'pays' };

export function zoneText(code: string, zone: ZoneName | undefined): string {
  if (!zone) return code;
  if (zone.kind === 'france') return zone.name;
  if (zone.kind === 'departement') return `${zone.name} (${zone.code})`;
  return zone.kind === 'commune' && zone.departement_code ? `${zone.name} (${zone.departement_code})` : zone.name;
}

export function CodeChips({ codes, names, onRemove, label }: { codes: readonly string[]; names: Map<string, ZoneName>; onRemove: (code: string) => void; label: string }) {
  if (!codes.length) return null;
  return (
    <ul class="code-chips" aria-label={label}>
      {codes.map((code) => {
        const zone = names.get(code);
        const text = zoneText(code, zone);
        return (
          <li class="code-chip">
            <span>
              {text}
              {zone && KIND[zone.kind] && <span class="hint-inline"> · {KIND[zone.kind]}</span>}
            </span>
            <button type="button" class="code-chip__remove" aria-label={`Retirer ${text}`} onClick={() => onRemove(code)}>
              <Icon name="close" size={16} />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
