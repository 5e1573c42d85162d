/**
 * A fetch for the Meilisearch client in Node, over node:http with kept-alive connections. The global
 * fetch (undici) writes a request's headers and body in two TCP segments; with Nagle's algorithm on
 * one side and delayed ACKs on the other, every search carrying a filter then waited ~40 ms on
 * loopback. node:http sends the headers and a body given at once in one segment. Node-only.
 */
import http from 'node:http';
import https from 'node:https';

export function nodeHttpFetch(): typeof fetch {
  const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
  return (async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = init.body == null ? undefined : typeof init.body === 'string' ? init.body : Buffer.from(await new Response(init.body).arrayBuffer());
    return new Promise<Response>((resolve, reject) => {
      const request = (protocol === 'https:' ? https : http).request(
        url,
        { method: init.method ?? 'GET', headers, agent: agents[protocol], ...(init.signal ? { signal: init.signal } : {}) },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const status = response.statusCode ?? 500;
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
            const nullBody = status === 204 || status === 304 || init.method === 'HEAD';
            resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
          });
        },
      );
      request.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
      request.end(body);
    });
  }) as typeof fetch;
}
