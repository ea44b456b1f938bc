import type { LeafCheck } from '../definition/schema.ts';
import { isIgnored, parseDockerignore } from '../../docker/builder/dockerignore.ts';
import { readLabFile } from './read.ts';
import { fail, pass, type Evaluator } from './types.ts';

type FileCheck = Extract<LeafCheck, { type: 'file' }>;

/** Judge a lab file: that it exists, or that a `.dockerignore` excludes and keeps the listed paths, matched as the builder matches them. */
export const evaluateFileCheck: Evaluator<FileCheck> = async (check, state) => {
  const text = await readLabFile(state, check.path);
  if (text === null) return fail(`${check.path} does not exist yet. Create it in the lab folder, next to the Dockerfile.`);
  if (check.assert === 'exists') return pass(`${check.path} exists.`);

  const rules = parseDockerignore(text);
  const leaked = (check.paths ?? []).filter((path) => !isIgnored(rules, path));
  if (leaked.length > 0) {
    return fail(`${check.path} does not exclude ${leaked.join(', ')}, so the build context still sends them to the builder and COPY . . puts them in the image.`);
  }
  const dropped = (check.keeps ?? []).filter((path) => isIgnored(rules, path));
  if (dropped.length > 0) {
    return fail(`${check.path} also excludes ${dropped.join(', ')}, which the image needs. Narrow the pattern or add an exception with !.`);
  }
  return pass(`${check.path} excludes ${(check.paths ?? []).join(', ')}.`);
};
