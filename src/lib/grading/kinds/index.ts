import type { CheckpointKind } from '../types.ts';
import { freeTextKind } from './freeText.ts';
import { multipleKind } from './multiple.ts';
import { scenarioKind } from './scenario.ts';
import { singleKind } from './single.ts';
import type { KindDefinition } from './types.ts';

/** The question kinds: adding one is one entry here plus its module. */
export const kinds: Record<CheckpointKind, KindDefinition<any>> = {
  single: singleKind,
  multiple: multipleKind,
  scenario: scenarioKind,
  'free-text': freeTextKind,
};
