import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contentRoot } from '../../content/root.ts';
import { withSuggestion } from '../../content/error-map.ts';
import { buildLab, labIdPattern, type LabSource } from './build.ts';
import { labManifestSchema, type Lab } from './schema.ts';

/** Error thrown when a lab folder fails validation; the message lists every problem. */
export class LabDefinitionError extends Error {
  readonly errors: string[];

  constructor(errors: string[]) {
    super(errors.join('\n'));
    this.name = 'LabDefinitionError';
    this.errors = errors;
  }
}

/** Read every file under `folder` as text, keyed by its slash-separated path relative to `folder`. */
function readTree(folder: string): Record<string, string> {
  if (!existsSync(folder)) return {};
  const files: Record<string, string> = {};
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    files[relative(folder, absolute).split(sep).join('/')] = readFileSync(absolute, 'utf8');
  }
  const sortedPaths = Object.keys(files).sort();
  return Object.fromEntries(sortedPaths.map((path) => [path, files[path] ?? '']));
}

/** Read one lab folder without validating it. */
function readLabSource(root: string, id: string): LabSource | { errors: string[] } {
  const folder = join(root, 'labs', id);
  const manifestPath = `labs/${id}/lab.yaml`;
  let text: string;
  try {
    text = readFileSync(join(folder, 'lab.yaml'), 'utf8');
  } catch {
    return { errors: [`${manifestPath}: (file): Expected a lab manifest; found nothing. Create lab.yaml in labs/${id}/`] };
  }
  let manifest: unknown;
  try {
    manifest = parseYaml(text);
  } catch (error) {
    return { errors: [`${manifestPath}: (file): Invalid YAML: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`] };
  }
  return { id, manifestPath, manifest, files: readTree(join(folder, 'files')), solution: readTree(join(folder, 'solution')) };
}

/**
 * Return an error when the lab names a lesson that does not exist. Roots
 * without a lessons folder (test fixtures) skip the check.
 */
function missingLessonError(root: string, lesson: string, manifestPath: string): string | null {
  const lessons = join(root, 'src', 'content', 'lessons');
  if (!existsSync(lessons)) return null;
  if (existsSync(join(lessons, `${lesson}.mdx`)) || existsSync(join(lessons, `${lesson}.md`))) return null;

  const slugs = readdirSync(lessons).filter((name) => /\.mdx?$/.test(name)).map((name) => name.replace(/\.mdx?$/, ''));
  return withSuggestion(`${manifestPath}: lesson: Expected the slug of a lesson in src/content/lessons/, found "${lesson}"`, lesson, slugs);
}

/** Return the manifest's lesson slug when it is valid on its own, so a lab with other errors is still cross-checked. */
function validLessonSlug(manifest: unknown): string | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const parsed = labManifestSchema.shape.lesson.safeParse((manifest as Record<string, unknown>).lesson);
  return parsed.success ? parsed.data : undefined;
}

/** List the lab ids: the folders under `labs/`. */
export function listLabIds(root: string = contentRoot()): string[] {
  const folder = join(root, 'labs');
  if (!existsSync(folder)) return [];
  const entries = readdirSync(folder, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/** Load and validate one lab by id; throws LabDefinitionError listing every problem. */
export function loadLab(id: string, root: string = contentRoot()): Lab {
  if (!labIdPattern.test(id)) throw new LabDefinitionError([`labs/${id}: Expected a lab id with lowercase letters, digits and dashes; found "${id}"`]);
  const source = readLabSource(root, id);
  if ('errors' in source) throw new LabDefinitionError(source.errors);
  const built = buildLab(source);
  const errors = 'errors' in built ? [...built.errors] : [];
  const lesson = 'errors' in built ? validLessonSlug(source.manifest) : built.lab.lesson;
  const lessonError = lesson === undefined ? null : missingLessonError(root, lesson, source.manifestPath);
  if (lessonError !== null) errors.push(lessonError);
  if (errors.length > 0 || 'errors' in built) throw new LabDefinitionError(errors);
  return built.lab;
}

/** Load every lab under `labs/`; throws LabDefinitionError listing the problems of all of them. */
export function loadLabs(root: string = contentRoot()): Lab[] {
  const labs: Lab[] = [];
  const errors: string[] = [];
  for (const id of listLabIds(root)) {
    try {
      labs.push(loadLab(id, root));
    } catch (error) {
      if (error instanceof LabDefinitionError) errors.push(...error.errors);
      else throw error;
    }
  }
  if (errors.length > 0) throw new LabDefinitionError(errors);
  return labs;
}

/** Validate every lab folder; returns the authoring errors, empty when all labs are valid. */
export function validateLabs(root: string = contentRoot()): string[] {
  try {
    loadLabs(root);
    return [];
  } catch (error) {
    if (error instanceof LabDefinitionError) return error.errors;
    throw error;
  }
}
