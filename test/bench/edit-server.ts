/**
 * Edit → visible in search, through a running server (`npm run dev` / `api/server.ts`): signs in,
 * renames a published offer with PATCH /api/offers/:id (a new word each time), and polls
 * GET /api/search?q=<word> until the offer is found. What a user sees: the write's commit, the outbox
 * drain the write wakes, the engine's indexing, and the search. Not a test: prints the figures.
 * Usage: tsx test/bench/edit-server.ts <base URL> <email> (password in USER_PASSWORD) [edits, default 20]
 */
const [base, email, count] = process.argv.slice(2);
const password = process.env.USER_PASSWORD;
if (!base || !email || !password) {
  console.error('Usage : USER_PASSWORD=... tsx test/bench/edit-server.ts <URL du serveur> <adresse> [modifications]');
  process.exit(2);
}
const edits = Number(count ?? 20);
const GIVE_UP_MS = 10_000;

const cookies = new Map<string, string>();
function remember(response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}
const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { origin: base!, cookie: cookieHeader() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = cookies.get('csrf');
  if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
  const response = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  remember(response);
  return response;
}

const login = await call('POST', '/api/auth/login', { email, password });
if (!login.ok) throw new Error(`connexion refusée : ${login.status} ${await login.text()}`);
const listing = (await (await call('GET', '/api/search?size=1')).json()) as { items: Array<{ id: string; name: string }>; engine: string };
const offer = listing.items[0];
if (!offer) throw new Error('aucune offre publiée à modifier');

const samples: number[] = [];
/** Of which the PATCH itself (validation, audit, commit) until its answer. */
const writes: number[] = [];
for (let i = 0; i < edits; i++) {
  const word = `zorglub${Date.now().toString(36)}${i}`;
  const started = performance.now();
  const patched = await call('PATCH', `/api/offers/${offer.id}`, { name: `${offer.name} ${word}` });
  if (!patched.ok) throw new Error(`modification refusée : ${patched.status} ${await patched.text()}`);
  writes.push(performance.now() - started);
  for (;;) {
    const found = (await (await call('GET', `/api/search?q=${word}&size=5`)).json()) as { items: Array<{ id: string }> };
    if (found.items.some((item) => item.id === offer.id)) break;
    if (performance.now() - started > GIVE_UP_MS) throw new Error(`modification toujours invisible après ${GIVE_UP_MS} ms`);
  }
  samples.push(performance.now() - started);
}
await call('PATCH', `/api/offers/${offer.id}`, { name: offer.name });
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
};
console.log(`engine ${listing.engine}: ${edits} edits, PATCH → found by GET /api/search: ${summary(samples)} (the PATCH answer alone: ${summary(writes)})`);
export {};
