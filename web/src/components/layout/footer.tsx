/** Footer: what the service is, where the data come from. */
export function Footer() {
  return (
    <footer class="site-footer">
      <div class="site-footer__inner">
        <p>
          L’offre locale d’insertion du département (art. L263-1 du code de l’action sociale et des familles) : actions, structures et contacts pour orienter
          les personnes selon leurs freins.
        </p>
        <p>
          Vous portez des actions d’insertion ? <a href="/structure">Référencez votre structure et tenez son offre à jour</a>.
        </p>
        <p>
          Données au format <a href="/api/exchange/data-inclusion">data·inclusion</a> · <a href="/api/health">État du service</a>
        </p>
      </div>
    </footer>
  );
}
