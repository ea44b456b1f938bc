// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';

export default defineConfig({
  output: 'static',
  // Separate output and cache folders let parallel test runs build side by side.
  outDir: process.env.SLIPWAY_OUT_DIR ?? 'dist',
  cacheDir: process.env.SLIPWAY_CACHE_DIR ?? 'node_modules/.astro',
  adapter: node({ mode: 'standalone' }),
  integrations: [mdx()],
  server: {
    host: process.env.HOST ?? 'localhost',
    port: Number(process.env.PORT ?? 4321),
  },
});
