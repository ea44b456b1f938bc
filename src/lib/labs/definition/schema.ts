import { z } from 'zod';

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Relative path inside the lab folder: no leading `/`, no `..` segment. */
const labPath = z
  .string()
  .min(1)
  .refine((path) => !path.startsWith('/') && !path.split('/').includes('..'), {
    message: 'Expected a path relative to the lab folder, without ".." segments',
  });

/** Regular expression source, compiled once here so a typo fails validation rather than a learner's check. */
const pattern = z.string().min(1).refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Expected a valid regular expression' },
);

export const dockerfileAssertions = ['base-pinned', 'deps-before-source', 'non-root-user', 'exec-form-cmd', 'exposes-port'] as const;
export const fileAssertions = ['exists', 'ignores'] as const;
export const imageAssertions = ['tag-exists', 'same-id', 'different-id', 'pushed', 'digest-in-file'] as const;
export const buildAssertions = ['cached-deps-after-source-edit'] as const;
export const commandAssertions = ['ran', 'ran-in-order'] as const;

const dockerfileCheck = z
  .object({
    type: z.literal('dockerfile'),
    path: labPath.default('Dockerfile'),
    assert: z.enum(dockerfileAssertions),
    /** Port for `exposes-port`. */
    port: z.number().int().min(1).max(65535).optional(),
  })
  .strict()
  .refine((check) => check.assert !== 'exposes-port' || check.port !== undefined, {
    message: 'exposes-port needs a port, such as port: 8000',
    path: ['port'],
  });

const digestPinnedCheck = z
  .object({
    type: z.literal('digest-pinned'),
    path: labPath.default('Dockerfile'),
    /** Image whose first build's base the pin must name, such as `heart-model:1.0`. */
    sameBaseAs: z.string().min(1).max(255).optional(),
  })
  .strict();

const fileCheck = z
  .object({
    type: z.literal('file'),
    path: labPath,
    assert: z.enum(fileAssertions),
    /** For `ignores`: paths of the build context the .dockerignore must exclude. */
    paths: z.array(labPath).optional(),
    /** For `ignores`: paths the build needs, which must stay in the context. */
    keeps: z.array(labPath).optional(),
  })
  .strict()
  .refine((check) => check.assert !== 'ignores' || (check.paths?.length ?? 0) > 0, {
    message: 'ignores needs paths: the files the .dockerignore must exclude',
    path: ['paths'],
  });

const imageReference = z.string().min(1).max(255);

const imageCheck = z
  .object({
    type: z.literal('image'),
    assert: z.enum(imageAssertions),
    /** Image reference for `tag-exists`, `pushed` and `digest-in-file`. */
    ref: imageReference.optional(),
    /** References that must name the same image (`same-id`) or different images (`different-id`). */
    refs: z.array(imageReference).min(2).optional(),
    /** For `digest-in-file`: the file that must contain the pushed reference `name@sha256:…`. */
    file: labPath.optional(),
  })
  .strict()
  .superRefine((check, context) => {
    const needsRefs = check.assert === 'same-id' || check.assert === 'different-id';
    if (needsRefs && check.refs === undefined) context.addIssue({ code: 'custom', path: ['refs'], message: `${check.assert} needs refs: two or more image references` });
    if (!needsRefs && check.ref === undefined) context.addIssue({ code: 'custom', path: ['ref'], message: `${check.assert} needs ref: an image reference` });
    if (check.assert === 'digest-in-file' && check.file === undefined) context.addIssue({ code: 'custom', path: ['file'], message: 'digest-in-file needs file: the path that must contain the digest' });
  });

const buildCheck = z
  .object({
    type: z.literal('build'),
    assert: z.enum(buildAssertions),
    /** Only builds that tagged this reference count; any build when absent. */
    tag: imageReference.optional(),
  })
  .strict();

const commandCheck = z
  .object({
    type: z.literal('command'),
    assert: z.enum(commandAssertions),
    /** Regular expressions matched against whole history lines. */
    patterns: z.array(pattern).min(1),
    /** Description of the expected commands, in words, for the check's detail. */
    expected: z.string().min(1),
  })
  .strict();

/** Names of every check type, listed in the error for an unknown one. */
export const checkTypes = ['all', 'build', 'command', 'digest-pinned', 'dockerfile', 'file', 'image'] as const;

const unknownTypeError = {
  error: (issue: { code?: string; input?: unknown }) => {
    if (issue.code !== 'invalid_union') return undefined;
    const found = typeof issue.input === 'object' && issue.input !== null && 'type' in issue.input ? JSON.stringify(issue.input.type) : 'no type';
    return `Unknown check type ${found}; expected one of ${checkTypes.join(', ')}`;
  },
};

const leafCheck = z.discriminatedUnion('type', [dockerfileCheck, digestPinnedCheck, fileCheck, imageCheck, buildCheck, commandCheck], unknownTypeError);

const allCheck = z
  .object({
    type: z.literal('all'),
    /** Checks that must all pass; they are evaluated in order and the first failure is reported. */
    checks: z.array(leafCheck).min(2),
  })
  .strict();

export const checkSchema = z.discriminatedUnion('type', [allCheck, dockerfileCheck, digestPinnedCheck, fileCheck, imageCheck, buildCheck, commandCheck], unknownTypeError);

export const taskSchema = z
  .object({
    id: z.string().regex(idPattern, 'Expected a lowercase id with dashes, such as pin-base-image'),
    title: z.string().min(1),
    description: z.string().min(1),
    check: checkSchema,
    hint: z.string().min(1),
  })
  .strict();

export const labManifestSchema = z
  .object({
    title: z.string().min(1),
    summary: z.string().min(1),
    /** Slug of the lesson the lab belongs to. */
    lesson: z.string().regex(idPattern, 'Expected a lesson slug, such as dockerfile-for-a-model-server'),
    /** Estimated time to finish, in minutes. */
    minutes: z.number().int().min(1).max(240),
    tasks: z.array(taskSchema).min(1),
  })
  .strict()
  .superRefine((manifest, context) => {
    const seen = new Set<string>();
    manifest.tasks.forEach((task, index) => {
      if (seen.has(task.id)) context.addIssue({ code: 'custom', path: ['tasks', index, 'id'], message: `Duplicate task id "${task.id}"; task ids must be unique within a lab` });
      seen.add(task.id);
    });
  });

export type Check = z.infer<typeof checkSchema>;
export type LeafCheck = z.infer<typeof leafCheck>;
export type LabTask = z.infer<typeof taskSchema>;
export type LabManifest = z.infer<typeof labManifestSchema>;

/** A lab as the runtime uses it: the manifest plus its starter files, solution and solution commands. */
export type Lab = {
  id: string;
  title: string;
  summary: string;
  lesson: string;
  minutes: number;
  tasks: LabTask[];
  /** Starter files by path relative to the lab folder. */
  files: Record<string, string>;
  /** Solved files by path relative to the lab folder (only the files that change). */
  solution: Record<string, string>;
  /** Commands a learner runs to finish the command tasks, from `solution/commands.sh`. */
  solutionCommands: string[];
};
