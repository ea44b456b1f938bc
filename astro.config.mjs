// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { contentCheck } from './src/integrations/content-check.ts';

/**
 * Adds an `appHandler` export to the Node adapter's server entry: the
 * adapter's on-demand rendering handler without the static-file lookup that
 * its `handler` runs first on every request. scripts/serve.mjs sends API
 * requests to it, which saves a failed file lookup per request. The adapter
 * does not export this handler itself.
 * NOTE: this relies on the top-level `app` and `options` bindings of
 * @astrojs/node 11.1's dist/server.js; when they are missing, the build warns
 * and serve.mjs falls back to `handler` for every request.
 */
/** @returns {import('vite').Plugin} */
function exportAppHandler() {
  return {
    name: 'slipway:export-app-handler',
    apply: 'build',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/@astrojs/node/dist/server.js')) return null;
      if (!/\bconst app = createApp\(/.test(code) || !code.includes('import * as options from')) {
        this.warn('@astrojs/node/dist/server.js no longer defines `app` and `options`; API requests will go through the static-file lookup');
        return null;
      }
      return `${code}\nimport { createAppHandler as slipwayCreateAppHandler } from './serve-app.js';\nexport const appHandler = slipwayCreateAppHandler(app, options);\n`;
    },
  };
}

export default defineConfig({
  output: 'static',
  // Separate output and cache folders let parallel test runs build side by side.
  // NOTE: SLIPWAY_OUT_DIR must be inside the project. The build imports its
  // prerender chunks by bare package name, and Node finds packages only in a
  // node_modules folder above the importing file, so a build in /tmp fails
  // with "Cannot find package".
  outDir: process.env.SLIPWAY_OUT_DIR ?? 'dist',
  cacheDir: process.env.SLIPWAY_CACHE_DIR ?? 'node_modules/.astro',
  adapter: node({ mode: 'standalone' }),
  // contentCheck stops a build on invalid lessons, labs or checkpoints, naming each file and field.
  integrations: [contentCheck(), mdx()],
  markdown: {
    // Two high-contrast themes switched by html[data-theme] in src/styles/global.css;
    // the default theme's comment colour fails the WCAG AA contrast ratio.
    shikiConfig: {
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: false,
    },
  },
  vite: {
    plugins: [exportAppHandler()],
  },
  server: {
    host: process.env.HOST ?? 'localhost',
    port: Number(process.env.PORT ?? 4321),
  },
});
