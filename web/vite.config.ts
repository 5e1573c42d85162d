/**
 * Vite build of the web app: web/ → web/dist (served by api/server.ts). MapLibre stays out of the
 * entry chunk (dynamic import in the map components). `npm run dev:web` proxies /api and /dev to the
 * API (API_URL, default http://localhost:8787).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.API_URL ?? 'http://localhost:8787';

export default defineConfig({
  root: webRoot,
  // The app imports pure modules of api/domain (types, French relative time).
  server: {
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    // Keep the browser's Host: the API then sees the dev server's origin, which its CSRF checks accept.
    proxy: { '/api': { target: api, changeOrigin: false }, '/dev': { target: api, changeOrigin: false } },
  },
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The manifest tells `npm run bench:web` which chunks are initial and where the map chunk is.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  logLevel: process.env.VITE_LOG_LEVEL === 'silent' ? 'silent' : 'info',
});
