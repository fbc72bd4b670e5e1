import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const portalRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// The API under development; the production build is served from the same origin as /graphql.
const apiTarget = process.env.PORTAL_API ?? 'http://localhost:3300';

/**
 * GOV.UK Frontend keeps an old-IE hack, `(min-width: 0\0)`, that Lightning CSS refuses to
 * minify. Modern browsers treat it as never matching; say so in valid CSS.
 */
function dropIeMediaHack(): Plugin {
  return {
    name: 'portal:drop-ie-media-hack',
    transform(code, id) {
      if (!/\.s?css(\?|$)/.test(id)) return null;
      // Sass turns the `\0` escape into U+FFFD.
      const fixed = code.replace(/\(min-width: ?0(?:\\0|\uFFFD)\)/g, '(max-width: 0px)');
      return fixed === code ? null : { code: fixed, map: null };
    },
  };
}

export default defineConfig({
  plugins: [dropIeMediaHack()],
  root: portalRoot,
  base: '/',
  // No @vitejs/plugin-react: Vite's own Oxc transform handles TSX with the automatic runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: {
      // MoJ component CSS references its own icons; let Vite fingerprint and bundle them.
      '@moj-assets': `${repoRoot}node_modules/@ministryofjustice/frontend/moj/assets`,
    },
  },
  css: {
    preprocessorOptions: {
      scss: {
        // MoJ Frontend resolves GOV.UK Frontend as "node_modules/govuk-frontend/…".
        loadPaths: [repoRoot],
        quietDeps: true,
        silenceDeprecations: ['import'],
      },
    },
  },
  build: {
    outDir: `${repoRoot}dist/portal`,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: apiTarget, ws: true, changeOrigin: true },
      '/packs': { target: apiTarget, changeOrigin: true },
      '/exports': { target: apiTarget, changeOrigin: true },
      '/evidence': { target: apiTarget, changeOrigin: true },
    },
  },
});
