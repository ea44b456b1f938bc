import type { Dockerfile, Stage } from '../../docker/ast.ts';
import { ParseError } from '../../docker/ast.ts';
import { expandWord, parseDockerfile } from '../../docker/parser/index.ts';
import { parseReference, type ImageReference } from '../../docker/reference.ts';
import { readLabFile } from './read.ts';
import type { CheckState } from './types.ts';

/** Base image of one stage after ARG defaults are applied; null for `scratch` and earlier stages. */
export type StageBase = { stage: Stage; text: string; reference: ImageReference | null; error: string | null };

/** Read and parse a lab Dockerfile; returns the failure detail when it is missing or does not parse. */
export async function loadDockerfile(state: CheckState, path: string): Promise<{ dockerfile: Dockerfile } | { error: string }> {
  const text = await readLabFile(state, path);
  if (text === null) return { error: `${path} does not exist. Create it in the lab folder.` };
  try {
    return { dockerfile: parseDockerfile(text) };
  } catch (error) {
    if (error instanceof ParseError) return { error: `${path} does not parse: ${error.describe()}.` };
    throw error;
  }
}

/** Expand a word with ARG defaults; a malformed word (an unterminated quote) is kept as written, and the reference check then rejects it. */
function expandOrRaw(word: string, defaults: Record<string, string>, dockerfile: Dockerfile): string {
  try {
    return expandWord(word, defaults, dockerfile.escapeToken);
  } catch {
    return word;
  }
}

/** Return the external base image of every stage, with global ARG defaults substituted. */
export function stageBases(dockerfile: Dockerfile): StageBase[] {
  const defaults: Record<string, string> = {};
  for (const instruction of dockerfile.metaArgs) {
    for (const arg of instruction.args) if (arg.default !== undefined) defaults[arg.name] = expandOrRaw(arg.default, defaults, dockerfile);
  }
  const stageNames = new Set<string>();
  const bases: StageBase[] = [];
  for (const stage of dockerfile.stages) {
    const text = expandOrRaw(stage.baseImage, defaults, dockerfile);
    if (text !== 'scratch' && !stageNames.has(text.toLowerCase())) {
      try {
        bases.push({ stage, text, reference: parseReference(text), error: null });
      } catch (error) {
        bases.push({ stage, text, reference: null, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (stage.name !== undefined) stageNames.add(stage.name);
  }
  return bases;
}
