import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeParseContent } from './error-map.ts';
import { formatZodIssues } from './errors.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { createLessonSchema, type LessonFrontmatter, type LessonSchema } from './lesson-schema.ts';
import { loadPartIds } from './load.ts';

export const lessonsDir = 'src/content/lessons';

/** The fields cross-checked against other files, as far as they are valid. */
type LessonReferences = { file: string; data: Partial<Pick<LessonFrontmatter, 'order' | 'lab' | 'checkpoint'>> };

/**
 * Keep the cross-checked fields of a lesson that failed its schema, so one run
 * reports a missing lab or checkpoint next to the schema errors. A field is
 * kept when it is valid on its own.
 */
function validReferences(schema: LessonSchema, raw: unknown, file: string): LessonReferences {
  const data: LessonReferences['data'] = {};
  if (typeof raw !== 'object' || raw === null) return { file, data };

  const fields = raw as Record<string, unknown>;
  const order = schema.shape.order.safeParse(fields.order);
  const lab = schema.shape.lab.safeParse(fields.lab);
  const checkpoint = schema.shape.checkpoint.safeParse(fields.checkpoint);
  if (order.success) data.order = order.data;
  if (lab.success && lab.data !== undefined) data.lab = lab.data;
  if (checkpoint.success && checkpoint.data !== undefined) data.checkpoint = checkpoint.data;
  return { file, data };
}

/** Lists the lesson files under `root`, sorted, as repository-relative paths. */
function listLessonFiles(root: string): string[] {
  const dir = join(root, lessonsDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => `${lessonsDir}/${name}`);
}

/** Reports lessons that share an `order` value, naming every file involved. */
function checkDuplicateOrders(lessons: readonly LessonReferences[]): string[] {
  const byOrder = new Map<number, string[]>();
  for (const lesson of lessons) {
    if (lesson.data.order !== undefined) byOrder.set(lesson.data.order, [...(byOrder.get(lesson.data.order) ?? []), lesson.file]);
  }

  const errors: string[] = [];
  for (const [order, files] of byOrder) {
    if (files.length < 2) continue;
    for (const file of files.slice(1)) {
      errors.push(`${file}: order: Duplicate order ${order}, also used by ${files[0]}; give each lesson its own position in the course`);
    }
  }
  return errors;
}

/** Reports a lab or checkpoint id whose definition file does not exist. */
function checkReferences(root: string, lesson: LessonReferences): string[] {
  const errors: string[] = [];
  const { lab, checkpoint } = lesson.data;

  if (lab !== undefined && !existsSync(join(root, 'labs', lab, 'lab.yaml'))) {
    errors.push(`${lesson.file}: lab: Lab "${lab}" not found: expected labs/${lab}/lab.yaml; fix the id or add the lab`);
  }
  if (checkpoint !== undefined && !existsSync(join(root, 'quizzes', `${checkpoint}.yaml`))) {
    errors.push(
      `${lesson.file}: checkpoint: Checkpoint "${checkpoint}" not found: expected quizzes/${checkpoint}.yaml; fix the id or add the checkpoint`,
    );
  }
  return errors;
}

/**
 * Validates every lesson's frontmatter under `root` (Node only): the schema,
 * unique `order` values, and that each lab and checkpoint it names exists.
 * Returns one message per problem, each naming the file and the field.
 */
export function validateLessons(root: string): string[] {
  let partIds: [string, ...string[]];
  try {
    partIds = loadPartIds(root);
  } catch (error) {
    return [(error as Error).message];
  }

  const schema = createLessonSchema(partIds);
  const errors: string[] = [];
  const lessons: LessonReferences[] = [];

  for (const file of listLessonFiles(root)) {
    const frontmatter = parseFrontmatter(readFileSync(join(root, file), 'utf8'));
    if (!frontmatter.ok) {
      errors.push(`${file}: ${frontmatter.error}`);
      continue;
    }

    const result = safeParseContent(schema, frontmatter.data);
    if (result.success) {
      lessons.push({ file, data: result.data });
    } else {
      errors.push(formatZodIssues(file, result.error.issues));
      lessons.push(validReferences(schema, frontmatter.data, file));
    }
  }

  errors.push(...checkDuplicateOrders(lessons));
  for (const lesson of lessons) errors.push(...checkReferences(root, lesson));
  return errors;
}
