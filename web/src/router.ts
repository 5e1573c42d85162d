/**
 * Client-side routing on the History API: the location as a store, `navigate()`, and one click
 * listener that turns same-origin links into in-app navigation (so pages use plain <a href>).
 */
import { createStore, useStore } from './state/store.ts';

export interface Location {
  path: string;
  query: URLSearchParams;
  /** path + search, as in an href. */
  href: string;
}

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search), href: window.location.pathname + window.location.search };
}

const location = createStore<Location>(current());
/** In-app pages pushed since this page load: « Retour » can use the browser history when > 0. */
let pushed = 0;

/** True when the previous history entry is a page of this app (so history.back() stays in it). */
export function canGoBack(): boolean {
  return pushed > 0;
}

export function useLocation(): Location {
  return useStore(location);
}

export function getLocation(): Location {
  return location.get();
}

/** Goes to `href` (path + query). `replace` rewrites the current history entry (no new "back" step). */
export function navigate(href: string, options: { replace?: boolean; keepScroll?: boolean } = {}): void {
  const url = new URL(href, window.location.href);
  const target = url.pathname + url.search + url.hash;
  if (target === window.location.pathname + window.location.search + window.location.hash) return;
  if (options.replace) window.history.replaceState(null, '', target);
  else {
    window.history.pushState(null, '', target);
    pushed++;
  }
  const next = current();
  const pageChanged = next.path !== location.get().path;
  location.set(next);
  if (pageChanged && !options.keepScroll) window.scrollTo(0, 0);
}

/** Paths the server answers itself (API, development outbox): never routed in the app. */
const SERVER_PATHS = /^\/(api|dev)(\/|$)/;

function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin || SERVER_PATHS.test(url.pathname)) return;
  // A link to an anchor of the same page keeps the browser's behaviour.
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

export function startRouter(): void {
  window.addEventListener('popstate', () => {
    pushed = Math.max(0, pushed - 1);
    location.set(current());
  });
  document.addEventListener('click', onClick);
}

/** Matches `/offres/:id` against a path; returns the parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const regex = new RegExp(
    '^' +
      pattern.replace(/\/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return '/([^/]+)';
      }) +
      '/?$',
  );
  const m = regex.exec(path);
  if (!m) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(m[i + 1]!)]));
}
