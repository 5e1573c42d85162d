/** The first line of the search: the person's commune and an optional keyword (typos tolerated by the API). */
import { useEffect, useState } from 'preact/hooks';
import { CommuneCombobox, type CommuneChoice } from './commune-combobox.tsx';
import { Icon } from '../ui/icon.tsx';

interface Props {
  commune: CommuneChoice | null;
  keyword: string;
  onCommune: (commune: CommuneChoice | null) => void;
  onKeyword: (keyword: string) => void;
}

export function SearchForm({ commune, keyword, onCommune, onKeyword }: Props) {
  const [text, setText] = useState(keyword);
  useEffect(() => setText(keyword), [keyword]);
  return (
    <form
      class="search-form"
      role="search"
      aria-label="Rechercher une offre"
      onSubmit={(e) => {
        e.preventDefault();
        onKeyword(text.trim());
      }}
    >
      <CommuneCombobox id="commune" label="Commune de la personne" value={commune} onChange={onCommune} />
      <div class="field">
        <label for="mot-cle">
          Mot-clé <span class="hint-inline">(facultatif)</span>
        </label>
        <input id="mot-cle" type="search" value={text} placeholder="permis, crèche, FLE…" maxLength={200} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <button type="submit" class="button search-form__submit">
        <Icon name="search" />
        Rechercher
      </button>
    </form>
  );
}
