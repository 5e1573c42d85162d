/**
 * The app's pages. The home page is in the entry chunk (first results fast); every other page is a
 * chunk of its own, loaded on first visit. Later pages (structure space, coordination) add a line here.
 */
import type { ComponentType } from 'preact';
import { SearchPage } from './pages/search-page.tsx';

export interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface Route {
  path: string;
  /** The page component, or a loader of its chunk. */
  page: ComponentType<PageProps> | (() => Promise<ComponentType<PageProps>>);
  lazy?: boolean;
}

const lazy = (load: () => Promise<ComponentType<PageProps>>): Route['page'] => load;

export const ROUTES: Route[] = [
  { path: '/', page: SearchPage },
  { path: '/offres/:id', lazy: true, page: lazy(() => import('./pages/offer-page.tsx').then((m) => m.OfferPage)) },
  { path: '/diagnostic', lazy: true, page: lazy(() => import('./pages/diagnostic-page.tsx').then((m) => m.DiagnosticPage)) },
  { path: '/orientation', lazy: true, page: lazy(() => import('./pages/basket-page.tsx').then((m) => m.BasketPage)) },
  { path: '/connexion', lazy: true, page: lazy(() => import('./pages/account/login-page.tsx').then((m) => m.LoginPage)) },
  { path: '/inscription', lazy: true, page: lazy(() => import('./pages/account/signup-page.tsx').then((m) => m.SignupPage)) },
  { path: '/verifier-email', lazy: true, page: lazy(() => import('./pages/account/verify-email-page.tsx').then((m) => m.VerifyEmailPage)) },
  { path: '/mot-de-passe-oublie', lazy: true, page: lazy(() => import('./pages/account/forgot-password-page.tsx').then((m) => m.ForgotPasswordPage)) },
  { path: '/reinitialiser-mot-de-passe', lazy: true, page: lazy(() => import('./pages/account/reset-password-page.tsx').then((m) => m.ResetPasswordPage)) },
  { path: '/compte', lazy: true, page: lazy(() => import('./pages/account/account-page.tsx').then((m) => m.AccountPage)) },
];

export const NOT_FOUND: Route = { path: '*', lazy: true, page: lazy(() => import('./pages/not-found-page.tsx').then((m) => m.NotFoundPage)) };
