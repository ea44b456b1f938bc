import type { ConstraintId, Constraints } from '../catalog/constraints.ts';
import { addIssue, quoteList, type BuildContext } from './issues.ts';
import type { ReasonInput } from './schema.ts';
import type { CheckpointKind, FeedbackItem, Reason } from './types.ts';

/** Tell whether a scenario sets a constraint. */
function isSet(constraint: ConstraintId, constraints: Constraints): boolean {
  switch (constraint) {
    case 'latency':
      return constraints.latencyBudgetMs !== undefined;
    case 'offline':
      return constraints.offline === true;
    case 'data-on-device':
      return constraints.dataStaysOnDevice === true;
    case 'no-third-party':
      return constraints.noThirdParty === true;
  }
}

/** Check the reasons of a file and decide which are relevant. */
export function buildReasons(
  inputs: readonly ReasonInput[],
  kind: CheckpointKind,
  constraints: Constraints | undefined,
  reasonsWeight: number,
  context: BuildContext,
): Reason[] {
  const seen = new Set<string>();
  const reasons: Reason[] = [];

  inputs.forEach((input, index) => {
    if (seen.has(input.id)) addIssue(context, ['reasons', index, 'id'], `Duplicate reason id "${input.id}"`, input.id, 'Give every reason its own id.');
    seen.add(input.id);

    let relevant = input.relevant;
    if (input.constraint !== undefined) {
      if (kind !== 'scenario' || constraints === undefined) {
        addIssue(context, ['reasons', index, 'constraint'], 'Only scenario checkpoints link reasons to constraints', input.constraint, 'Write relevant: true or relevant: false instead.');
        return;
      }
      const set = isSet(input.constraint, constraints);
      if (!set) {
        const active = (['latency', 'offline', 'data-on-device', 'no-third-party'] as const).filter((id) => isSet(id, constraints));
        addIssue(context, ['reasons', index, 'constraint'], `"${input.constraint}" is not one of this scenario's constraints (${quoteList(active)})`, input.constraint, 'Link the reason to a constraint the scenario sets, or make it a distractor with relevant: false.');
        return;
      }
      if (relevant === false) {
        addIssue(context, ['reasons', index, 'relevant'], `relevant: false contradicts constraint "${input.constraint}", which the scenario sets`, false, 'Remove relevant; a reason linked to a constraint is relevant.');
      }
      relevant = true;
    }

    if (relevant === undefined) {
      addIssue(context, ['reasons', index, 'relevant'], 'Expected relevant: true or relevant: false', undefined, 'Mark each reason relevant: true (it drives the answer) or relevant: false (a distractor).');
      return;
    }
    if (relevant && input.missed === undefined) {
      addIssue(context, ['reasons', index, 'missed'], 'A relevant reason needs "missed" feedback for learners who leave it unticked', undefined, 'Add missed: with a sentence on why this reason matters.');
    }

    reasons.push({
      id: input.id,
      label: input.label,
      relevant,
      ...(input.constraint === undefined ? {} : { constraint: input.constraint }),
      ticked: input.ticked,
      ...(input.missed === undefined ? {} : { missed: input.missed }),
    });
  });

  if (reasonsWeight > 0 && !reasons.some((reason) => reason.relevant)) {
    addIssue(context, ['reasonsWeight'], 'A reasons weight above 0 needs at least one relevant reason', reasonsWeight, 'Add a relevant reason or set reasonsWeight: 0.');
  }
  return reasons;
}

type ReasonItems = { right: FeedbackItem; missed: FeedbackItem; distractor: FeedbackItem };

// Feedback items per reason are built once, so results share them (and their serialised form).
const itemsByReason = new WeakMap<Reason, ReasonItems>();

/** Return the three feedback items a reason can produce, building them on first use. */
function reasonItems(reason: Reason): ReasonItems {
  let items = itemsByReason.get(reason);
  if (items === undefined) {
    const about = reason.constraint === undefined ? {} : { constraint: reason.constraint };
    items = {
      right: { kind: 'reason', ...about, message: `Right reason: ${reason.ticked}` },
      missed: { kind: 'reason', ...about, message: `Missed reason: ${reason.missed ?? reason.label}` },
      distractor: { kind: 'reason', message: `Not a deciding reason: ${reason.ticked}` },
    };
    itemsByReason.set(reason, items);
  }
  return items;
}

/** Grade ticked reasons: feedback on each, and max(0, (relevant ticked − distractors ticked) / relevant). */
export function gradeReasons(reasons: readonly Reason[], ticked: readonly string[]): { score: number; feedback: FeedbackItem[] } {
  const feedback: FeedbackItem[] = [];
  let relevantTotal = 0;
  let right = 0;
  let wrong = 0;

  for (const reason of reasons) {
    const isTicked = ticked.includes(reason.id);
    const items = reasonItems(reason);
    if (reason.relevant) relevantTotal += 1;

    if (reason.relevant && isTicked) {
      right += 1;
      feedback.push(items.right);
    } else if (reason.relevant) {
      feedback.push(items.missed);
    } else if (isTicked) {
      wrong += 1;
      feedback.push(items.distractor);
    }
  }

  const score = relevantTotal === 0 ? 1 : Math.max(0, (right - wrong) / relevantTotal);
  return { score, feedback };
}
