import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from './check.ts';
import { validateLessons } from './validate.ts';

const course = `title: Test course
description: A course for tests.
parts:
  - id: containers
    title: Containers
  - id: deployment
    title: Deployment
`;

/** Builds lesson MDX text from frontmatter lines. */
function lesson(fields: Record<string, string>): string {
  const base: Record<string, string> = {
    title: 'A lesson',
    description: 'One sentence.',
    part: 'containers',
    order: '1',
    duration: '10',
    objectives: '[Do one thing]',
    ...fields,
  };
  const lines = Object.entries(base).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\nBody.\n`;
}

const roots: string[] = [];

/** Creates a content root in a temporary folder with the given files. */
function makeRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'slipway-content-'));
  roots.push(root);
  for (const [path, text] of Object.entries({ 'src/data/course.yaml': course, ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('validateLessons', () => {
  const cases: { name: string; files: Record<string, string>; expected: string[] }[] = [
    {
      name: 'valid lessons with references',
      files: {
        'src/content/lessons/a.mdx': lesson({ lab: 'dockerfile-basics' }),
        'src/content/lessons/b.mdx': lesson({ order: '2', part: 'deployment', checkpoint: 'heart-rate' }),
        'labs/dockerfile-basics/lab.yaml': 'id: dockerfile-basics\n',
        'quizzes/heart-rate.yaml': 'id: heart-rate\n',
      },
      expected: [],
    },
    {
      name: 'missing lab',
      files: { 'src/content/lessons/a.mdx': lesson({ lab: 'no-such-lab' }) },
      expected: ['src/content/lessons/a.mdx: lab: Lab "no-such-lab" not found: expected labs/no-such-lab/lab.yaml; fix the id or add the lab'],
    },
    {
      name: 'missing checkpoint',
      files: { 'src/content/lessons/a.mdx': lesson({ checkpoint: 'no-such-quiz' }) },
      expected: [
        'src/content/lessons/a.mdx: checkpoint: Checkpoint "no-such-quiz" not found: expected quizzes/no-such-quiz.yaml; fix the id or add the checkpoint',
      ],
    },
    {
      name: 'lab folder without lab.yaml',
      files: { 'src/content/lessons/a.mdx': lesson({ lab: 'empty' }), 'labs/empty/README.md': 'x' },
      expected: ['src/content/lessons/a.mdx: lab: Lab "empty" not found: expected labs/empty/lab.yaml; fix the id or add the lab'],
    },
    {
      name: 'duplicate order',
      files: {
        'src/content/lessons/a.mdx': lesson({ order: '3' }),
        'src/content/lessons/b.mdx': lesson({ order: '3' }),
      },
      expected: ['src/content/lessons/b.mdx: order: Duplicate order 3, also used by src/content/lessons/a.mdx; give each lesson its own position in the course'],
    },
    {
      name: 'unknown part',
      files: { 'src/content/lessons/a.mdx': lesson({ part: 'serving' }) },
      expected: ['src/content/lessons/a.mdx: part: Expected one of the part ids in src/data/course.yaml: "containers", "deployment", found "serving"'],
    },
    {
      name: 'missing frontmatter',
      files: { 'src/content/lessons/a.mdx': '# No frontmatter\n' },
      expected: [
        'src/content/lessons/a.mdx: Missing frontmatter: the file must start with a --- line, the YAML fields, and a closing --- line',
      ],
    },
    {
      name: 'schema and reference problems together',
      files: {
        'src/content/lessons/a.mdx': lesson({ duration: 'ten' }),
        'src/content/lessons/b.mdx': lesson({ order: '2', checkpoint: 'gone' }),
      },
      expected: [
        'src/content/lessons/a.mdx: duration: Expected a positive whole number of minutes, found "ten"',
        'src/content/lessons/b.mdx: checkpoint: Checkpoint "gone" not found: expected quizzes/gone.yaml; fix the id or add the checkpoint',
      ],
    },
    {
      name: 'schema error and missing checkpoint in one lesson',
      files: {
        'src/content/lessons/a.mdx': lesson({ part: 'deploymnet', checkpoint: 'cold-start' }),
      },
      expected: [
        'src/content/lessons/a.mdx: part: Expected one of the part ids in src/data/course.yaml: "containers", "deployment", found "deploymnet". Did you mean "deployment"?',
        'src/content/lessons/a.mdx: checkpoint: Checkpoint "cold-start" not found: expected quizzes/cold-start.yaml; fix the id or add the checkpoint',
      ],
    },
    {
      name: 'duplicate order in a lesson with a schema error',
      files: {
        'src/content/lessons/a.mdx': lesson({ order: '3' }),
        'src/content/lessons/b.mdx': lesson({ order: '3', duration: 'ten' }),
      },
      expected: [
        'src/content/lessons/b.mdx: duration: Expected a positive whole number of minutes, found "ten"',
        'src/content/lessons/b.mdx: order: Duplicate order 3, also used by src/content/lessons/a.mdx; give each lesson its own position in the course',
      ],
    },
    {
      name: 'invalid course outline',
      files: { 'src/data/course.yaml': 'title: T\ndescription: D\nparts: []\n' },
      expected: ['src/data/course.yaml: parts: Expected at least one part; found []'],
    },
  ];

  it.each(cases)('$name', ({ files, expected }) => {
    expect(validateLessons(makeRoot(files))).toEqual(expected);
  });

  it('accepts the repository lessons schema-wise', () => {
    const problems = validateLessons(process.cwd()).filter((problem) => !/: (lab|checkpoint): .* not found/.test(problem));
    expect(problems).toEqual([]);
  });
});

describe('checkContent', () => {
  it('includes lesson reference problems', async () => {
    const root = makeRoot({ 'src/content/lessons/a.mdx': lesson({ checkpoint: 'gone' }) });
    cpSync(join(process.cwd(), 'src/data/deployment-options.yaml'), join(root, 'src/data/deployment-options.yaml'));
    mkdirSync(join(root, 'quizzes'));
    mkdirSync(join(root, 'labs'));

    const problems = await checkContent(root);

    expect(problems).toContain(
      'src/content/lessons/a.mdx: checkpoint: Checkpoint "gone" not found: expected quizzes/gone.yaml; fix the id or add the checkpoint',
    );
  });
});
