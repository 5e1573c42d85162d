/**
 * Commune autocomplete following the ARIA combobox pattern: type a name or a postal code, ↑/↓ to
 * move through the suggestions, Entrée to choose, Échap to close (then to clear). Suggestions come
 * from GET /api/territories/communes (accents, « st »/« saint », hyphens ignored).
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { isAbort } from '../../api/client.ts';
import { searchCommunes } from '../../api/endpoints.ts';
import type { CommuneSummary } from '../../api/types.ts';
import { describedByOf, FieldHead } from '../forms/field-head.tsx';

export interface CommuneChoice {
  code: string;
  name: string;
  departement_code: string;
}

interface Props {
  label: string;
  value: CommuneChoice | null;
  onChange: (commune: CommuneChoice | null) => void;
  hint?: string;
  error?: string | null;
  required?: boolean;
  id?: string;
}

const optionText = (c: CommuneSummary) => `${c.name} (${c.postal_codes[0] ?? c.departement_code})`;

export function CommuneCombobox({ label, value, onChange, hint, error, required, id: givenId }: Props) {
  const autoId = useId();
  const id = givenId ?? `commune-${autoId}`;
  const listId = `${id}-liste`;
  const [text, setText] = useState(value?.name ?? '');
  const [options, setOptions] = useState<CommuneSummary[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const typed = useRef(false);

  // A new value from outside (URL, back button) shows its name.
  useEffect(() => {
    setText(value?.name ?? '');
  }, [value?.code, value?.name]);

  useEffect(() => {
    if (!typed.current) return;
    const q = text.trim();
    if (q.length < 2) {
      setOptions([]);
      setOpen(false);
      setStatus('');
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchCommunes(q, controller.signal).then(
        ({ items }) => {
          setOptions(items);
          setActive(items.length ? 0 : -1);
          setOpen(true);
          setStatus(items.length ? `${items.length} commune${items.length > 1 ? 's' : ''} proposée${items.length > 1 ? 's' : ''} : flèches haut et bas pour choisir.` : 'Aucune commune ne correspond.');
        },
        (e: unknown) => {
          if (!isAbort(e)) setStatus('Les communes n’ont pas pu être chargées.');
        },
      );
    }, 120);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [text]);

  const choose = (c: CommuneSummary) => {
    typed.current = false;
    setText(c.name);
    setOpen(false);
    setOptions([]);
    setStatus(`${c.name} choisie.`);
    onChange({ code: c.code, name: c.name, departement_code: c.departement_code });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
      // Closed: ↓ opens on the first suggestion, ↑ on the last (ARIA combobox pattern); open: move.
      case 'ArrowDown':
        event.preventDefault();
        if (!options.length) break;
        if (!open) {
          setOpen(true);
          setActive(0);
        } else setActive((i) => (i + 1) % options.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!options.length) break;
        if (!open) {
          setOpen(true);
          setActive(options.length - 1);
        } else setActive((i) => (i - 1 + options.length) % options.length);
        break;
      case 'Enter':
        if (open && active >= 0 && options[active]) {
          event.preventDefault();
          choose(options[active]!);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
        } else if (text) {
          event.preventDefault();
          typed.current = false;
          setText('');
          onChange(null);
        }
        break;
    }
  };

  const describedBy = describedByOf(id, hint, error);
  return (
    <div class={`field combobox${error ? ' field--error' : ''}`}>
      <FieldHead id={id} label={label} required={required} hint={hint} error={error} />
      <div class="combobox__wrap">
        <input
          id={id}
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-required={required ? true : undefined}
          value={text}
          placeholder="Nom ou code postal"
          onInput={(e) => {
            typed.current = true;
            const next = (e.currentTarget as HTMLInputElement).value;
            setText(next);
            if (!next.trim() && value) onChange(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => options.length && typed.current && setOpen(true)}
        />
        <ul id={listId} role="listbox" aria-label={`Communes proposées pour « ${text} »`} class="combobox__list" hidden={!open || !options.length}>
          {options.map((c, i) => (
            <li
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'is-active' : undefined}
              // mousedown, not click: the input keeps the focus.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(c);
              }}
              onMouseMove={() => setActive(i)}
            >
              <span class="combobox__name">{optionText(c)}</span>
              <span class="combobox__meta">département {c.departement_code}</span>
            </li>
          ))}
        </ul>
      </div>
      <p class="sr-only" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
