/**
 * The app's pages. The home page is in the entry chunk (first results fast); every other page is a
 * chunk of its own, loaded on first visit. The structure space and the coordination pages are listed
 * in space-routes.ts.
 */
import type { ComponentType } from 'preact';
import { SearchPage } from './pages/search-page.tsx';
import { SPACE_ROUTES } from './space-routes.ts';

export interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

type Page = ComponentType<PageProps>;

/** A page in the entry chunk (`page`) or in a chunk of its own (`load`). */
export type Route = { path: string; page: Page } | { path: string; load: () => Promise<Page> };

export const ROUTES: Route[] = [
  { path: '/', page: SearchPage },
  { path: '/offres/:id', load: () => import('./pages/offer-page.tsx').then((m) => m.OfferPage) },
  { path: '/diagnostic', load: () => import('./pages/diagnostic-page.tsx').then((m) => m.DiagnosticPage) },
  { path: '/orientation', load: () => import('./pages/basket-page.tsx').then((m) => m.BasketPage) },
  { path: '/connexion', load: () => import('./pages/account/login-page.tsx').then((m) => m.LoginPage) },
  { path: '/inscription', load: () => import('./pages/account/signup-page.tsx').then((m) => m.SignupPage) },
  { path: '/verifier-email', load: () => import('./pages/account/verify-email-page.tsx').then((m) => m.VerifyEmailPage) },
  { path: '/mot-de-passe-oublie', load: () => import('./pages/account/forgot-password-page.tsx').then((m) => m.ForgotPasswordPage) },
  { path: '/reinitialiser-mot-de-passe', load: () => import('./pages/account/reset-password-page.tsx').then((m) => m.ResetPasswordPage) },
  { path: '/compte', load: () => import('./pages/account/account-page.tsx').then((m) => m.AccountPage) },
  ...SPACE_ROUTES,
  // Orientations (sending, following, the structure's answer) and an offer's confirmation from a freshness mail.
  { path: '/orientation/envoyer', load: () => import('./pages/orientations/send-page.tsx').then((m) => m.SendOrientationPage) },
  { path: '/mes-orientations', load: () => import('./pages/orientations/my-orientations-page.tsx').then((m) => m.MyOrientationsPage) },
  { path: '/mes-orientations/:id', load: () => import('./pages/orientations/my-orientations-page.tsx').then((m) => m.MyOrientationsPage) },
  { path: '/orientations/:id/reponse', load: () => import('./pages/orientations/answer-page.tsx').then((m) => m.AnswerPage) },
  { path: '/fraicheur/confirmer', load: () => import('./pages/orientations/confirm-offer-page.tsx').then((m) => m.ConfirmOfferPage) },
];

export const NOT_FOUND: Route = { path: '*', load: () => import('./pages/not-found-page.tsx').then((m) => m.NotFoundPage) };
