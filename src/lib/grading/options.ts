import type { DeploymentOption } from '../catalog/schema.ts';
import type { AuthoredOption } from './schema.ts';
import type { CheckpointOption } from './types.ts';

/** Collect the phrases that name an option: its id, its label and any extra synonyms. */
export function optionSynonyms(id: string, label: string, extra: readonly string[]): string[] {
  return [id.replace(/-/g, ' '), label, ...extra];
}

/** Resolve an option written in the quiz file, with feedback marked right or wrong. */
export function resolveAuthoredOption(option: AuthoredOption, correct: boolean): CheckpointOption {
  return {
    id: option.id,
    label: option.label,
    feedback: [{ kind: correct ? 'correct' : 'incorrect', optionId: option.id, message: option.feedback }],
    ...(option.missed === undefined ? {} : { missed: option.missed }),
    synonyms: optionSynonyms(option.id, option.label, option.synonyms),
  };
}

/** Collect the phrases that name a catalog option: aliases, names and checkpoint synonyms. */
export function catalogSynonyms(option: DeploymentOption, extra: readonly string[]): string[] {
  return [...optionSynonyms(option.id, option.name, extra), option.shortName, ...option.aliases];
}
