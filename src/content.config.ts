import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse } from 'yaml';
import { catalogSchema, deploymentOptionSchema } from './lib/catalog/schema.ts';
import { catalogPath } from './lib/catalog/load.ts';
import { createLessonSchema } from './lib/content/lesson-schema.ts';
import { loadPartIds } from './lib/content/load.ts';

// Lessons: one MDX file each; the file name is the slug and the URL is /lessons/<slug>/.
const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/content/lessons' }),
  schema: createLessonSchema(loadPartIds()),
});

// The deployment-option catalog. The whole file is validated first so that
// cross-entry rules (unique ids, cold-start ranges) hold here too.
const deploymentOptions = defineCollection({
  loader: file(catalogPath, { parser: (text) => catalogSchema.parse(parse(text)) }),
  schema: deploymentOptionSchema,
});

export const collections = { lessons, deploymentOptions };
