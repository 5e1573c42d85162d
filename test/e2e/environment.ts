/** One suite's browser-test environment: web app built, a real server and a browser, stopped at the end. */
import { afterAll, beforeAll } from 'vitest';
import { ensureWebBuilt, launchBrowser, startServer, type Browser, type RunningServer } from './harness.ts';

export interface E2eEnvironment {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** GET a JSON API path from the running server. */
  api(path: string): Promise<any>;
}

/**
 * Registers beforeAll/afterAll for a suite: the web app built, a server (with `serverEnv` added to its
 * environment) and a browser started in parallel, both stopped at the end.
 */
export function e2eEnvironment(serverEnv: Record<string, string> = {}, options: { fakePublicApis?: boolean } = {}): E2eEnvironment {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await ensureWebBuilt();
    [server, browser] = await Promise.all([startServer(serverEnv, options), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    api: async (path) => (await fetch(`${server!.url}${path}`)).json(),
  };
}

