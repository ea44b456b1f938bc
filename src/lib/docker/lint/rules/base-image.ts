import type { Stage } from '../../ast.ts';
import { LESSON_LINKS } from '../docs.ts';
import { parseImageReference } from '../image-reference.ts';
import type { ImageReference } from '../image-reference.ts';
import type { Rule } from '../types.ts';

/** Returns the parsed base image of a stage, or undefined for scratch, earlier stages and variables. */
function registryImage(stages: readonly Stage[], index: number): ImageReference | undefined {
  const stage = stages[index];
  if (!stage) return undefined;
  const image = stage.baseImage;
  if (image.includes('$') || image.toLowerCase() === 'scratch') return undefined;
  if (stages.some((candidate, i) => i < index && candidate.name === image.toLowerCase())) return undefined;
  return parseImageReference(image);
}

/** Checks that base images name a fixed version. */
export const baseImageRules: Rule[] = [
  {
    id: 'UntaggedBaseImage',
    aliases: ['DL3006'],
    severity: 'warning',
    buildkit: false,
    fix: 'Name a tag such as `python:3.12-slim` (or a digest): with no tag Docker pulls `latest`, which changes under you.',
    docs: LESSON_LINKS.baseImageTags,
    check(model, report) {
      const { stages } = model.dockerfile;
      stages.forEach((stage, index) => {
        const reference = registryImage(stages, index);
        if (reference && reference.tag === undefined && reference.digest === undefined) {
          report(stage.from.range, `Base image ${JSON.stringify(stage.baseImage)} has no tag, so Docker uses ":latest"`);
        }
      });
    },
  },
  {
    id: 'LatestBaseImage',
    aliases: ['DL3007'],
    severity: 'warning',
    buildkit: false,
    fix: 'Pin a version tag such as `python:3.12-slim`, or a digest (`python@sha256:...`) for builds that must never change.',
    docs: LESSON_LINKS.baseImageTags,
    check(model, report) {
      const { stages } = model.dockerfile;
      stages.forEach((stage, index) => {
        const reference = registryImage(stages, index);
        if (reference?.tag === 'latest' && reference.digest === undefined) {
          report(stage.from.range, `Base image ${JSON.stringify(stage.baseImage)} uses the "latest" tag, which points to a different image after each release`);
        }
      });
    },
  },
];
