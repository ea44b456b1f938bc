import {
  describeConstraint,
  describeFit,
  deriveFittingOptions,
  evaluateOption,
  type Constraints,
} from '../../catalog/constraints.ts';
import type { Catalog, DeploymentOption } from '../../catalog/schema.ts';
import { withSuggestion } from '../../content/error-map.ts';
import { gradeChoice } from '../choice.ts';
import { addIssue, joinWords, quoteList, type BuildContext } from '../issues.ts';
import { catalogSynonyms } from '../options.ts';
import { scenarioFileSchema, type ScenarioFile } from '../schema.ts';
import type { CheckpointOption, FeedbackItem } from '../types.ts';
import { checkCatalogIds, checkOptionKeys, checkUniqueIds } from './checks.ts';
import type { KindDefinition } from './types.ts';

/** Count the constraints a scenario sets. */
function countConstraints(constraints: Constraints): number {
  return Object.values(constraints).filter((value) => value !== undefined && value !== false).length;
}

/** Phrase how many constraints an option breaks: "all 3 constraints", "2 of the 3 constraints". */
export function countBroken(broken: number, total: number): string {
  if (broken === total) return total === 1 ? 'the one constraint' : `all ${total} constraints`;
  return `${broken} of the ${total} ${total === 1 ? 'constraint' : 'constraints'}`;
}

/** Derive the feedback for picking an option: why it fits, or every constraint it breaks. */
export function deriveOptionFeedback(option: DeploymentOption, constraints: Constraints): FeedbackItem[] {
  const verdict = evaluateOption(option, constraints);

  if (verdict.fits) {
    return [
      { kind: 'correct', optionId: option.id, message: `${option.name} fits every constraint.` },
      ...describeFit(option, constraints).map(
        (fit): FeedbackItem => ({ kind: 'correct', optionId: option.id, constraint: fit.constraint, message: fit.message }),
      ),
      { kind: 'info', optionId: option.id, message: `Tools for this: ${joinWords(option.examples, 'and')}.` },
    ];
  }

  const broken = verdict.violations.map((violation) => describeConstraint(violation.constraint, constraints));
  return [
    {
      kind: 'incorrect',
      optionId: option.id,
      message: `${option.name} breaks ${countBroken(verdict.violations.length, countConstraints(constraints))}: ${joinWords(broken, 'and')}.`,
    },
    ...verdict.violations.map(
      (violation): FeedbackItem => ({
        kind: 'incorrect',
        optionId: option.id,
        constraint: violation.constraint,
        message: violation.message,
      }),
    ),
  ];
}

/** Explain for the author why an option was ruled out, e.g. `"serverless" breaks latency (…)`. */
function explainMisfit(option: DeploymentOption, constraints: Constraints): string {
  const violations = evaluateOption(option, constraints).violations;
  const parts = violations.map((violation) => `${violation.constraint} (${violation.figure ?? violation.message})`);
  return `"${option.id}" breaks ${parts.join(', ')}`;
}

/** Check the declared answer against the options that fit the constraints: exactly one, and the same. */
function checkDeclaredAnswer(
  data: ScenarioFile,
  chosen: readonly DeploymentOption[],
  fitting: readonly string[],
  byId: ReadonlyMap<string, DeploymentOption>,
  context: BuildContext,
): void {
  if (fitting.length === 0) {
    addIssue(
      context,
      ['constraints'],
      `No option fits these constraints: ${chosen.map((option) => explainMisfit(option, data.constraints)).join('; ')}`,
      undefined,
      'Relax a constraint, or add a catalog option that satisfies all of them.',
    );
  } else if (!data.options.includes(data.answer)) {
    const message = withSuggestion(`Unknown option "${data.answer}"; expected one of ${quoteList(data.options)}`, data.answer, data.options);
    addIssue(context, ['answer'], message, undefined, 'Set answer to an id listed under options.');
  } else if (!fitting.includes(data.answer)) {
    const declared = byId.get(data.answer);
    const misfitNote = declared === undefined ? '' : ` (${explainMisfit(declared, data.constraints)})`;
    addIssue(
      context,
      ['answer'],
      `Declared answer "${data.answer}" does not match the answer derived from the catalog, ${quoteList(fitting)}${misfitNote}`,
      data.answer,
      `Set answer to ${quoteList(fitting)}, or change the constraints or the catalog facts.`,
    );
  } else if (fitting.length > 1) {
    addIssue(
      context,
      ['answer'],
      `More than one option fits these constraints: ${quoteList(fitting)}; a scenario needs exactly one`,
      data.answer,
      'Add a constraint that rules out all but one option, or remove options.',
    );
  }
}

/** Check the options against the catalog and the declared answer against the derived one. */
function buildScenario(data: ScenarioFile, catalog: Catalog, context: BuildContext) {
  const byId = new Map(catalog.map((option) => [option.id, option]));
  const catalogIds = catalog.map((option) => option.id);
  checkUniqueIds(data.options, 'options', context);

  const suggested = checkCatalogIds(data.options.map((id, index) => ({ id, index })), catalogIds, context);
  const chosen: DeploymentOption[] = [];
  for (const id of data.options) {
    const option = byId.get(id);
    if (option !== undefined && !chosen.includes(option)) chosen.push(option);
  }

  // A misspelt option is reported once: keys naming the id it was meant to be pass.
  const knownIds = [...data.options, ...suggested];
  checkOptionKeys(data.feedback, 'feedback', knownIds, context);
  checkOptionKeys(data.synonyms, 'synonyms', knownIds, context);

  // The key comes from the catalog; the declared answer is a cross-check for authors.
  // With an unknown option the derived key would be wrong too, so the cross-check waits for the fix.
  const fitting = deriveFittingOptions(chosen, data.constraints);
  if (!data.options.some((id) => !byId.has(id))) checkDeclaredAnswer(data, chosen, fitting, byId, context);

  const options: CheckpointOption[] = chosen.map((option) => {
    const correct = fitting.includes(option.id);
    const derived = deriveOptionFeedback(option, data.constraints);
    const authored = data.feedback[option.id];
    const kind = correct ? 'correct' : 'incorrect';
    let feedback = derived;
    if (typeof authored === 'string') feedback = [...derived, { kind, optionId: option.id, message: authored }];
    else if (authored !== undefined) feedback = [{ kind, optionId: option.id, message: authored.replace }];
    return {
      id: option.id,
      label: option.name,
      feedback,
      synonyms: catalogSynonyms(option, data.synonyms[option.id] ?? []),
      serverSide: option.facts.network === 'required',
    };
  });

  return {
    options,
    answer: fitting.length === 1 ? fitting : [data.answer],
    accepts: [...new Set(data.accepts)],
    partialCredit: 'all-or-nothing' as const,
    constraints: data.constraints,
  };
}

/** Scenario: constraints checked against the option catalog. The key is derived, and the declared answer only cross-checks it. */
export const scenarioKind: KindDefinition<ScenarioFile> = {
  schema: scenarioFileSchema,
  build: buildScenario,
  grade: gradeChoice,
};
