import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { catalogSchema, type Catalog } from './schema.ts';
import { safeParseContent } from '../content/error-map.ts';
import { formatZodIssues } from '../content/errors.ts';
import { contentRoot } from '../content/root.ts';

export const catalogPath = 'src/data/deployment-options.yaml';

/** Parse and validate catalog YAML text; throws an error naming `file` and each bad field. */
export function parseCatalog(text: string, file: string = catalogPath): Catalog {
  const result = safeParseContent(catalogSchema, parse(text));
  if (!result.success) {
    throw new Error(formatZodIssues(file, result.error.issues));
  }
  return result.data;
}

let cached: Catalog | undefined;

/** Read the deployment-option catalog from disk once per process (Node only). */
export function loadCatalog(root: string = contentRoot()): Catalog {
  if (cached === undefined || root !== contentRoot()) {
    const catalog = parseCatalog(readFileSync(join(root, catalogPath), 'utf8'));
    if (root !== contentRoot()) return catalog;
    cached = catalog;
  }
  return cached;
}
