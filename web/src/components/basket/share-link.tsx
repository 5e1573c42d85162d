/** The orientation as a link: offer ids only, nothing about the person. */
import { useState } from 'preact/hooks';
import { Icon } from '../ui/icon.tsx';

export function shareUrl(ids: readonly string[]): string {
  return `${window.location.origin}/orientation?offres=${ids.map(encodeURIComponent).join(',')}`;
}

export function ShareLink({ ids }: { ids: readonly string[] }) {
  const url = shareUrl(ids);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      (document.getElementById('lien-partage') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div class="panel no-print">
      <h2>
        <Icon name="link" />
        Partager l’orientation
      </h2>
      <p class="hint">Le lien ne contient que les actions choisies : aucune information sur la personne.</p>
      <div class="share-box">
        <label class="sr-only" for="lien-partage">
          Lien de l’orientation
        </label>
        <input id="lien-partage" type="text" readOnly value={url} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
        <button type="button" class="button button--secondary" onClick={copy}>
          {copied ? 'Lien copié' : 'Copier le lien'}
        </button>
      </div>
      <p class="sr-only" role="status">
        {copied ? 'Lien copié dans le presse-papiers.' : ''}
      </p>
    </div>
  );
}
