import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import type { Catalog } from '../catalog/schema.ts';
import { describeFound, safeParseContent, withSuggestion } from '../content/error-map.ts';
import { formatZodIssues } from '../content/errors.ts';
import { closestMatch } from '../content/suggest.ts';
import { compileMatcher } from './freeText.ts';
import { addIssue, toZodIssues, type BuildContext } from './issues.ts';
import { kinds } from './kinds/index.ts';
import { computeKeyVersion } from './keyVersion.ts';
import { buildReasons } from './reasons.ts';
import { checkpointKinds, type Checkpoint, type CheckpointKind } from './types.ts';

const schemaFix = 'Correct the fields listed above; quizzes/README.md describes the checkpoint format.';

/** Return the checkpoint id a file name implies: `quizzes/heart-rate.yaml` → `heart-rate`. */
export function idFromFile(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return base.replace(/\.ya?ml$/, '');
}

/** Parse YAML text, turning a syntax error into `file:line:column: …` with a fix. */
function readYaml(text: string, file: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const position = error.linePos?.[0];
      const where = position === undefined ? '' : `:${position.line}:${position.col}`;
      // The library appends " at line N, column M:" and a code frame, which the file:line:column prefix repeats.
      const firstLine = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
      throw new Error(`${file}${where}: invalid YAML: ${firstLine}\nFix: Correct the YAML syntax at that line (indentation, quotes or a missing colon).`);
    }
    throw error;
  }
}

/**
 * Parse and validate one checkpoint file against the catalog. Throws an Error
 * listing every problem as `file: field: problem; found X`, then a Fix line.
 */
export function parseCheckpointFile(text: string, file: string, catalog: Catalog): Checkpoint {
  const raw = readYaml(text, file);

  // Pick the schema from the kind first, so errors speak about that kind's fields.
  const fields = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const kindValue = fields.kind;
  let kind = kindValue as CheckpointKind;
  const kindIssues: z.core.$ZodIssue[] = [];
  if (!checkpointKinds.includes(kindValue as CheckpointKind)) {
    const expected = checkpointKinds.map((name) => `"${name}"`).join(', ');
    const suggested = typeof kindValue === 'string' ? closestMatch(kindValue, checkpointKinds) : undefined;
    const message = withSuggestion(`Expected one of ${expected}, found ${describeFound(kindValue) ?? 'another value'}`, kindValue, checkpointKinds);
    kindIssues.push(...toZodIssues([{ path: ['kind'], message }]));
    if (suggested === undefined) throw new Error(formatZodIssues(file, kindIssues, 'Set kind to one of the kinds listed.'));

    // A misspelt kind is read as the kind it is closest to, so one run also reports that kind's other problems.
    kind = suggested as CheckpointKind;
  }
  const definition = kinds[kind];

  const parsed = safeParseContent(definition.schema, { ...fields, kind });
  if (!parsed.success) {
    const fix = kindIssues.length > 0 ? `Set kind to one of the kinds listed. ${schemaFix}` : schemaFix;
    throw new Error(formatZodIssues(file, [...kindIssues, ...parsed.error.issues], fix));
  }
  const data = parsed.data;

  const context: BuildContext = { file, issues: [] };
  const expectedId = idFromFile(file);
  if (data.id !== expectedId) {
    addIssue(context, ['id'], `Expected "${expectedId}" to match the file name`, data.id, `Rename the file to ${data.id}.yaml or set id: ${expectedId}.`);
  }

  const built = definition.build(data, catalog, context);
  const reasons = buildReasons(data.reasons, kind, built.constraints, data.reasonsWeight, context);

  try {
    compileMatcher(built.options);
  } catch (error) {
    addIssue(context, ['synonyms'], (error as Error).message, undefined, 'Give each phrase to one option only.');
  }

  if (kindIssues.length > 0) context.issues.unshift({ path: ['kind'], message: kindIssues[0]?.message ?? '', fix: 'Set kind to one of the kinds listed.' });
  if (context.issues.length > 0) {
    const fixes = [...new Set(context.issues.flatMap((issue) => (issue.fix === undefined ? [] : [issue.fix])))];
    throw new Error(formatZodIssues(file, toZodIssues(context.issues), fixes.join(' ')));
  }

  const checkpoint: Omit<Checkpoint, 'keyVersion'> = {
    id: data.id,
    file,
    kind,
    title: data.title,
    prompt: data.prompt,
    ...(data.scenario === undefined ? {} : { scenario: data.scenario }),
    ...(built.constraints === undefined ? {} : { constraints: built.constraints }),
    accepts: built.accepts,
    options: built.options,
    answer: built.answer,
    partialCredit: built.partialCredit,
    reasons,
    reasonsWeight: data.reasonsWeight,
    hints: data.hints,
    solution: data.solution,
    policy: data.policy,
  };
  return { ...checkpoint, keyVersion: computeKeyVersion(checkpoint) };
}
