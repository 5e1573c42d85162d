/**
 * Pages of the structure space (/structure…, /invitation) and of the coordinators (/coordination…),
 * each a lazy chunk. Specific paths come before `/structure/:id`.
 */
import type { Route } from './routes.ts';

export const SPACE_ROUTES: Route[] = [
  { path: '/structure', load: () => import('./pages/structure/my-structures-page.tsx').then((m) => m.MyStructuresPage) },
  { path: '/structure/inscription', load: () => import('./pages/structure/register-page.tsx').then((m) => m.RegisterPage) },
  { path: '/structure/offres/:id', load: () => import('./pages/structure/offer-edit-page.tsx').then((m) => m.OfferEditPage) },
  { path: '/structure/:id', load: () => import('./pages/structure/structure-page.tsx').then((m) => m.StructurePage) },
  { path: '/structure/:id/fiche', load: () => import('./pages/structure/structure-fiche-page.tsx').then((m) => m.StructureFichePage) },
  { path: '/structure/:id/membres', load: () => import('./pages/structure/members-page.tsx').then((m) => m.MembersPage) },
  { path: '/structure/:id/orientations', load: () => import('./pages/structure/received-orientations-page.tsx').then((m) => m.ReceivedOrientationsPage) },
  { path: '/structure/:id/historique', load: () => import('./pages/structure/history-page.tsx').then((m) => m.StructureHistoryPage) },
  { path: '/structure/:id/nouvelle-offre', load: () => import('./pages/structure/new-offer-page.tsx').then((m) => m.NewOfferPage) },
  { path: '/invitation', load: () => import('./pages/structure/invitation-page.tsx').then((m) => m.InvitationPage) },
  { path: '/coordination', load: () => import('./pages/coordination/queue-page.tsx').then((m) => m.QueuePage) },
  { path: '/coordination/couverture', load: () => import('./pages/coordination/coverage-page.tsx').then((m) => m.CoveragePage) },
  { path: '/coordination/indicateurs', load: () => import('./pages/coordination/indicators-page.tsx').then((m) => m.IndicatorsPage) },
  { path: '/coordination/campagnes', load: () => import('./pages/coordination/campaigns-page.tsx').then((m) => m.CampaignsPage) },
];
