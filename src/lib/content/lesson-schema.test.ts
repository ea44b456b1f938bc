import { describe, expect, it } from 'vitest';
import { safeParseContent } from './error-map.ts';
import { formatZodIssues } from './errors.ts';
import { createLessonSchema } from './lesson-schema.ts';

const schema = createLessonSchema(['containers', 'deployment']);
const file = 'src/content/lessons/example.mdx';

const valid = {
  title: 'What containers give you',
  description: 'Why a Docker image is the unit you ship a model in.',
  part: 'containers',
  order: 1,
  duration: 12,
  objectives: ['Explain the four properties of a container image.'],
};

/** Validates frontmatter and returns the formatted error text, or "valid". */
function check(frontmatter: unknown): string {
  const result = safeParseContent(schema, frontmatter);
  return result.success ? 'valid' : formatZodIssues(file, result.error.issues);
}

describe('lesson schema', () => {
  const cases: { name: string; frontmatter: unknown; expected: string }[] = [
    { name: 'minimal lesson', frontmatter: valid, expected: 'valid' },
    { name: 'lab and checkpoint ids', frontmatter: { ...valid, lab: 'dockerfile-basics', checkpoint: 'heart-rate', draft: true }, expected: 'valid' },
    {
      name: 'missing title',
      frontmatter: { ...valid, title: undefined },
      expected: `${file}: title: Required field missing; expected a string title`,
    },
    {
      name: 'empty title',
      frontmatter: { ...valid, title: '  ' },
      expected: `${file}: title: Expected a non-empty title; found ""`,
    },
    {
      name: 'unknown part',
      frontmatter: { ...valid, part: 'deploy' },
      expected: `${file}: part: Expected one of the part ids in src/data/course.yaml: "containers", "deployment", found "deploy"`,
    },
    {
      name: 'order as a string',
      frontmatter: { ...valid, order: '3' },
      expected: `${file}: order: Expected a positive whole number (the lesson position, unique across the course), found "3"`,
    },
    { name: 'order zero', frontmatter: { ...valid, order: 0 }, expected: `${file}: order: Expected a number of 1 or more; found 0` },
    {
      name: 'fractional duration',
      frontmatter: { ...valid, duration: 7.5 },
      expected: `${file}: duration: Expected a whole number of minutes; found 7.5`,
    },
    {
      name: 'empty objectives',
      frontmatter: { ...valid, objectives: [] },
      expected: `${file}: objectives: Expected at least one learning objective; found []`,
    },
    {
      name: 'objectives as a string',
      frontmatter: { ...valid, objectives: 'Learn Docker' },
      expected: `${file}: objectives: Expected a list of learning objectives, found "Learn Docker"`,
    },
    {
      name: 'lab id with spaces',
      frontmatter: { ...valid, lab: 'Dockerfile Basics' },
      expected: `${file}: lab: Expected a lowercase lab id such as "dockerfile-basics"; found "Dockerfile Basics"`,
    },
    { name: 'draft as a string', frontmatter: { ...valid, draft: 'yes' }, expected: `${file}: draft: Expected true or false, found "yes"` },
    {
      name: 'misspelled field',
      frontmatter: { ...valid, objective: ['x'] },
      expected: `${file}: objective: Unknown field "objective"; did you mean "objectives"?`,
    },
    {
      name: 'misspelled part',
      frontmatter: { ...valid, part: 'deploymnet' },
      expected: `${file}: part: Expected one of the part ids in src/data/course.yaml: "containers", "deployment", found "deploymnet". Did you mean "deployment"?`,
    },
    {
      name: 'unknown field without a match',
      frontmatter: { ...valid, colour: 'red' },
      expected: `${file}: colour: Unknown field "colour"; expected one of title, description, part, order, duration, objectives, lab, checkpoint, draft`,
    },
    {
      name: 'misspelled duration, missing line dropped',
      frontmatter: { ...valid, duration: undefined, duraton: 18 },
      expected: `${file}: duraton: Unknown field "duraton"; did you mean "duration"?`,
    },
    {
      name: 'two problems at once',
      frontmatter: { ...valid, description: undefined, duration: -5 },
      expected: [
        `${file}: description: Required field missing; expected a one-sentence string description`,
        `${file}: duration: Expected at least 1 minute; found -5`,
      ].join('\n'),
    },
  ];

  it.each(cases)('$name', ({ frontmatter, expected }) => {
    expect(check(frontmatter)).toBe(expected);
  });

  it('defaults draft to false', () => {
    expect(schema.parse(valid).draft).toBe(false);
  });
});
