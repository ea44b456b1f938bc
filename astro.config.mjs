// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { contentCheck } from './src/integrations/content-check.ts';

export default defineConfig({
  output: 'static',
  // Separate output and cache folders let parallel test runs build side by side.
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
  server: {
    host: process.env.HOST ?? 'localhost',
    port: Number(process.env.PORT ?? 4321),
  },
});
