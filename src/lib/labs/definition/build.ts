import { safeParseContent } from '../../content/error-map.ts';
import { formatZodIssues } from '../../content/errors.ts';
import { labManifestSchema, type Lab } from './schema.ts';

/** Lab id: the folder name under `labs/`, lowercase with dashes. */
export const labIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Name of the solution file that lists the commands a learner runs. */
export const SOLUTION_COMMANDS_FILE = 'commands.sh';

/** Return the commands of a `commands.sh`: one a line, blank lines and `#` comments skipped. */
export function parseSolutionCommands(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Raw contents of one lab folder, as a reader found them. */
export type LabSource = {
  id: string;
  /** Path of lab.yaml for error messages, such as `labs/dockerfile-basics/lab.yaml`. */
  manifestPath: string;
  /** Parsed YAML of lab.yaml. */
  manifest: unknown;
  files: Record<string, string>;
  solution: Record<string, string>;
};

/**
 * Validate a lab folder's contents and build the Lab; returns the authoring
 * errors instead when there are any, one `file: field: message` line each.
 */
export function buildLab(source: LabSource): { lab: Lab } | { errors: string[] } {
  const errors: string[] = [];
  if (!labIdPattern.test(source.id)) errors.push(`${source.manifestPath}: (folder): Expected a lab id with lowercase letters, digits and dashes; found "${source.id}"`);

  const parsed = safeParseContent(labManifestSchema, source.manifest);
  if (!parsed.success) errors.push(...formatZodIssues(source.manifestPath, parsed.error.issues).split('\n'));
  if (Object.keys(source.files).length === 0) errors.push(`${source.manifestPath}: files: Expected starter files in files/; found nothing`);
  if (!parsed.success || errors.length > 0) return { errors };

  const { [SOLUTION_COMMANDS_FILE]: commandsText, ...solution } = source.solution;
  return {
    lab: {
      id: source.id,
      title: parsed.data.title,
      summary: parsed.data.summary,
      lesson: parsed.data.lesson,
      minutes: parsed.data.minutes,
      tasks: parsed.data.tasks,
      files: source.files,
      solution,
      solutionCommands: parseSolutionCommands(commandsText ?? ''),
    },
  };
}
