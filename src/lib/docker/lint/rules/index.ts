import type { Rule } from '../types.ts';
import { argRules } from './args.ts';
import { baseImageRules } from './base-image.ts';
import { contextRules } from './context.ts';
import { layerRules } from './layers.ts';
import { packageRules } from './packages.ts';
import { shellUsageRules } from './shell-usage.ts';
import { stageRules } from './stages.ts';
import { syntaxRules } from './syntax.ts';

/** Every lint rule, grouped by topic; BuildKit checks keep BuildKit's names. */
export const RULES: readonly Rule[] = [
  ...syntaxRules,
  ...stageRules,
  ...argRules,
  ...baseImageRules,
  ...packageRules,
  ...shellUsageRules,
  ...layerRules,
  ...contextRules,
];

/** Rule id to rule. */
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
