/**
 * Measures the JavaScript each built page loads: inline scripts, module
 * scripts, modulepreload links and the static imports those modules pull in,
 * each counted once per page, raw and gzipped (zlib level 9).
 *
 *   npx node bench/page-weight.ts             build into node_modules/.cache/page-weight, then measure
 *   npx node bench/page-weight.ts --dir DIR   measure an existing build (DIR is the build's client folder)
 *
 * Pages without interactive parts must stay within 20 KB of gzipped JS; the
 * script exits 1 when one does not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetBytes = 20 * 1024;
// Markers of islands that are interactive by design; pages with them are measured but not held to the budget.
const interactiveMarkers = ['data-decision-tree', 'data-checkpoint-id', 'data-lab-workspace'];

type PageWeight = { page: string; files: number; rawBytes: number; gzipBytes: number; interactive: boolean };

/** Parses --dir from the command line. */
function parseArgs(argv: string[]): { dir?: string } {
  const index = argv.indexOf('--dir');
  if (index === -1) return {};
  const dir = argv[index + 1];
  if (dir === undefined) throw new Error('--dir needs a folder: the client folder of an Astro build, such as dist/client');
  return { dir: resolve(dir) };
}

/** Builds the site into a folder of its own and returns its client folder. */
function buildSite(): string {
  const outDir = resolve('node_modules/.cache/page-weight');
  const result = spawnSync('npx', ['astro', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SLIPWAY_OUT_DIR: outDir, SLIPWAY_CACHE_DIR: resolve('node_modules/.cache/page-weight-astro') },
  });
  if (result.status !== 0) throw new Error(`astro build failed with exit code ${result.status}`);
  return join(outDir, 'client');
}

/** Lists every HTML file under `dir`. */
function listHtml(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .map((path) => join(dir, path))
    .sort();
}

/** Returns the gzipped size of a text or buffer in bytes. */
function gzipSize(content: string | Buffer): number {
  return gzipSync(content, { level: 9 }).length;
}

/** Resolves a script URL of the page to a file of the build, or undefined for other origins. */
function resolveAsset(clientDir: string, from: string, url: string): string | undefined {
  if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//')) return undefined;
  const path = url.split(/[?#]/)[0] ?? url;
  return path.startsWith('/') ? join(clientDir, path) : join(dirname(from), path);
}

/** Collects a module and the modules it imports statically, depth first, once each. */
function collectModule(clientDir: string, file: string, seen: Set<string>): void {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);

  // Static imports only: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`. Dynamic import() loads on demand.
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/(?:\bimport|\bexport)\s*(?:[^'"();]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g)) {
    const target = resolveAsset(clientDir, file, match[1] ?? '');
    if (target !== undefined) collectModule(clientDir, target, seen);
  }
}

/** Measures the JavaScript one page loads. */
function measurePage(clientDir: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile, 'utf8');
  const modules = new Set<string>();
  let rawBytes = 0;
  let gzipBytes = 0;
  let inlineScripts = 0;

  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    if (/type\s*=\s*["']?application\/(ld\+)?json/i.test(attributes)) continue;

    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(attributes)?.[1];
    if (src !== undefined) {
      const file = resolveAsset(clientDir, htmlFile, src);
      if (file !== undefined) collectModule(clientDir, file, modules);
    } else if (body.trim() !== '') {
      inlineScripts += 1;
      rawBytes += Buffer.byteLength(body);
      gzipBytes += gzipSize(body);
      // Inline module scripts can import bundled chunks too.
      for (const imported of body.matchAll(/(?:\bimport)\s*(?:[^'"();]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g)) {
        const file = resolveAsset(clientDir, htmlFile, imported[1] ?? '');
        if (file !== undefined) collectModule(clientDir, file, modules);
      }
    }
  }

  for (const match of html.matchAll(/<link\b[^>]*rel\s*=\s*["']modulepreload["'][^>]*>/gi)) {
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(match[0])?.[1];
    const file = href === undefined ? undefined : resolveAsset(clientDir, htmlFile, href);
    if (file !== undefined) collectModule(clientDir, file, modules);
  }

  for (const file of modules) {
    const content = readFileSync(file);
    rawBytes += statSync(file).size;
    gzipBytes += gzipSize(content);
  }

  const page = `/${relative(clientDir, htmlFile).replace(/index\.html$/, '').replace(/\.html$/, '')}`;
  const interactive = interactiveMarkers.some((marker) => html.includes(marker));
  return { page, files: modules.size + inlineScripts, rawBytes, gzipBytes, interactive };
}

/** Formats bytes as kilobytes with one decimal. */
function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Prints the measurements as a Markdown table. */
function printTable(weights: PageWeight[]): void {
  console.log('| page | scripts | JS raw | JS gzip | interactive | within 20 KB |');
  console.log('| --- | ---: | ---: | ---: | --- | --- |');
  for (const weight of weights) {
    let verdict = weight.gzipBytes <= budgetBytes ? 'yes' : 'NO';
    if (weight.interactive) verdict = 'not held to it';
    console.log(
      `| ${weight.page} | ${weight.files} | ${kb(weight.rawBytes)} | ${kb(weight.gzipBytes)} | ${weight.interactive ? 'yes' : 'no'} | ${verdict} |`,
    );
  }
}

const { dir } = parseArgs(process.argv.slice(2));
const clientDir = dir ?? buildSite();
const pages = listHtml(clientDir).filter((file) => {
  const path = relative(clientDir, file);
  return path === 'index.html' || path === '404.html' || path.startsWith('lessons/');
});
const weights = pages.map((file) => measurePage(clientDir, file));

printTable(weights);
const over = weights.filter((weight) => !weight.interactive && weight.gzipBytes > budgetBytes);
if (over.length > 0) {
  console.error(`\n${over.length} page(s) without interactive parts load more than ${kb(budgetBytes)} of gzipped JS: ${over.map((weight) => weight.page).join(', ')}`);
  process.exitCode = 1;
}
