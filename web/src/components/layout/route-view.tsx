/**
 * Renders the page of the current location, loading its chunk when needed. After an in-app
 * navigation, focus moves to the new page's title so screen-reader users hear where they are.
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { matchPath, useLocation } from '../../router.ts';
import { NOT_FOUND, ROUTES, type PageProps, type Route } from '../../routes.ts';
import { Loading } from '../ui/loading.tsx';
import { ErrorNotice } from '../ui/error-notice.tsx';

const loaded = new Map<Route, ComponentType<PageProps>>();

function resolve(path: string): { route: Route; params: Record<string, string> } {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return { route: NOT_FOUND, params: {} };
}

export function RouteView() {
  const location = useLocation();
  const { route, params } = resolve(location.path);
  const [, setTick] = useState(0);
  const [failed, setFailed] = useState(false);
  const first = useRef(true);
  const Page = 'page' in route ? route.page : loaded.get(route);

  useEffect(() => {
    if (Page || !('load' in route)) return;
    setFailed(false);
    route.load().then(
      (component) => {
        loaded.set(route, component);
        setTick((n) => n + 1);
      },
      () => setFailed(true),
    );
  }, [route, Page]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('#contenu h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [location.path, Page]);

  if (failed) return <ErrorNotice message="Cette page n’a pas pu être chargée : vérifiez la connexion puis rechargez la page." onRetry={() => window.location.reload()} />;
  if (!Page) return <Loading label="Chargement de la page…" />;
  return <Page params={params} query={location.query} />;
}
