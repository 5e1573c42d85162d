/** A plain French landing page served until the web app is built: tells a newcomer where to look. */
import type { AppConfig } from './config.ts';

export function homePage(config: AppConfig): string {
  const links = [
    ['/api/health', "État du service"],
    ['/api/referentials', 'Référentiels (thématiques, publics, freins, situations)'],
    ['/api/offers?dept=15', 'Offres publiées du Cantal'],
    ['/api/offers?commune=47157&barrier=mobilite', 'Offres « mobilité » accessibles depuis Marmande'],
    ['/api/structures?dept=63', 'Structures du Puy-de-Dôme'],
    ['/api/territories/communes?q=st%20flour', 'Recherche de commune « st flour »'],
    ['/api/exchange/data-inclusion?dept=71', 'Export data·inclusion de la Saône-et-Loire'],
  ];
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Offre locale d'insertion</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
<h1>Offre locale d'insertion</h1>
<p>L'API est en service${config.demo ? ' avec le catalogue de démonstration (données fictives marquées « démo »)' : ''}.</p>
<ul>${links.map(([href, label]) => `<li><a href="${href}">${label}</a> <code>${href}</code></li>`).join('')}</ul>
</body></html>`;
}
