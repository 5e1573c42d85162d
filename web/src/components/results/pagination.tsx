/** Pages of a result list: « Précédente », « Page 2 sur 5 », « Suivante ». */
export function Pagination({ page, pages, hrefOf }: { page: number; pages: number; hrefOf: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages de résultats">
      {page > 1 ? (
        <a class="button button--secondary" href={hrefOf(page - 1)} rel="prev">
          Page précédente
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">
        Page {page} sur {pages}
      </span>
      {page < pages ? (
        <a class="button button--secondary" href={hrefOf(page + 1)} rel="next">
          Page suivante
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
