/** What the home page says before any search: how to start, in three steps. */
export function Welcome() {
  return (
    <section class="welcome" aria-labelledby="comment-faire">
      <h2 id="comment-faire">Comment faire ?</h2>
      <ol>
        <li>
          <strong>Indiquez la commune</strong> où vit la personne : les offres sont triées par distance et limitées à celles qui l’acceptent.
        </li>
        <li>
          <strong>Choisissez un ou plusieurs besoins</strong> (mobilité, garde d’enfants, santé…) ou tapez un mot-clé.
        </li>
        <li>
          <strong>Ouvrez une offre</strong> pour l’adresse, les horaires, le téléphone et la façon d’y entrer ; ajoutez-la à l’orientation pour imprimer un récapitulatif.
        </li>
      </ol>
      <p>
        Pour un diagnostic complet (situations du Carnet de bord, âge, véhicule), utilisez la page <a href="/diagnostic">Diagnostic</a>.
      </p>
    </section>
  );
}
