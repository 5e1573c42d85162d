/**
 * An autocomplete field following the ARIA combobox pattern: type at least two characters, ↑/↓ to
 * move through the suggestions (↓/↑ on a closed list opens it on the first/last one), Entrée to
 * choose, Échap to close (then to clear). Suggestions come from `search` (debounced, aborted when
 * the text changes). Used for communes, intercommunalités and départements.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { isAbort } from '../../api/client.ts';
import { describedByOf, FieldHead } from './field-head.tsx';

export interface ComboboxProps<T> {
  label: string;
  /** Text shown for the current value; the field shows it again when it changes from outside. */
  valueText: string;
  search: (q: string, signal: AbortSignal) => Promise<T[]>;
  optionText: (option: T) => string;
  optionMeta?: (option: T) => string;
  /** Text the field shows once an option is chosen (default: its option text). */
  choiceText?: (option: T) => string;
  onChoose: (option: T) => void;
  /** The person emptied the field (typing or Échap): the value is gone. */
  onClear?: () => void;
  /** After a choice the field is emptied (pickers that add the choice to a list). */
  resetOnChoose?: boolean;
  /** Options are feminine nouns (« Marmande choisie. »). */
  feminine?: boolean;
  /** What the screen reader hears when suggestions arrive. */
  announce?: (count: number) => string;
  /** Accessible name of the suggestion list. */
  listLabel?: (text: string) => string;
  placeholder?: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  required?: boolean | undefined;
  id?: string | undefined;
}

const defaultAnnounce = (n: number) => (n ? `${n} suggestion${n > 1 ? 's' : ''} : flèches haut et bas pour choisir.` : 'Aucune suggestion.');

export function Combobox<T>(p: ComboboxProps<T>) {
  const autoId = useId();
  const id = p.id ?? `combobox-${autoId}`;
  const listId = `${id}-liste`;
  const [text, setText] = useState(p.valueText);
  const [options, setOptions] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const typed = useRef(false);
  const announce = p.announce ?? defaultAnnounce;

  // A new value from outside (URL, back button) shows its text.
  useEffect(() => {
    setText(p.valueText);
  }, [p.valueText]);

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
      p.search(q, controller.signal).then(
        (items) => {
          setOptions(items);
          setActive(items.length ? 0 : -1);
          setOpen(true);
          setStatus(announce(items.length));
        },
        (e: unknown) => {
          if (!isAbort(e)) setStatus('Les suggestions n’ont pas pu être chargées.');
        },
      );
    }, 120);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [text]);

  const choose = (option: T) => {
    typed.current = false;
    const chosen = (p.choiceText ?? p.optionText)(option);
    setText(p.resetOnChoose ? '' : chosen);
    setOpen(false);
    setOptions([]);
    setStatus(`${chosen} choisi${p.feminine ? 'e' : ''}.`);
    p.onChoose(option);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    switch (event.key) {
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
          p.onClear?.();
        }
        break;
    }
  };

  return (
    <div class={`field combobox${p.error ? ' field--error' : ''}`}>
      <FieldHead id={id} label={p.label} required={p.required} hint={p.hint} error={p.error} />
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
          aria-describedby={describedByOf(id, p.hint, p.error)}
          aria-invalid={p.error ? true : undefined}
          aria-required={p.required ? true : undefined}
          value={text}
          placeholder={p.placeholder}
          onInput={(e) => {
            typed.current = true;
            const next = (e.currentTarget as HTMLInputElement).value;
            setText(next);
            if (!next.trim() && p.valueText) p.onClear?.();
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => options.length && typed.current && setOpen(true)}
        />
        <ul id={listId} role="listbox" aria-label={p.listLabel ? p.listLabel(text) : `Suggestions pour « ${text} »`} class="combobox__list" hidden={!open || !options.length}>
          {options.map((option, i) => (
            <li
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'is-active' : undefined}
              // mousedown, not click: the input keeps the focus.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(option);
              }}
              onMouseMove={() => setActive(i)}
            >
              <span class="combobox__name">{p.optionText(option)}</span>
              {p.optionMeta && <span class="combobox__meta">{p.optionMeta(option)}</span>}
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
