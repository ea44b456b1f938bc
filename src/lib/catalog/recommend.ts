import { evaluateOption, formatMs, formatMsRange, type Constraints, type Violation } from './constraints.ts';
import { costLabels, opsLabels, trafficLabels } from './labels.ts';
import type { Catalog, DataDestination, DeploymentOption, OpsLevel, TrafficPattern } from './schema.ts';
import type { Answers } from './questions.ts';

/** One line of the explanation: a point in favour, a point against, or context. */
export type Reason = { kind: 'pro' | 'con' | 'info'; text: string };

/** An option's reasons split for display: why it fits, what it costs, and context. */
export type ReasonGroups = { fits: Reason[]; tradeOffs: Reason[]; context: Reason[] };

/** Splits reasons by kind, keeping their order, so a fitting option's cons read as trade-offs. */
export function groupReasons(reasons: readonly Reason[]): ReasonGroups {
  return {
    fits: reasons.filter((reason) => reason.kind === 'pro'),
    tradeOffs: reasons.filter((reason) => reason.kind === 'con'),
    context: reasons.filter((reason) => reason.kind === 'info'),
  };
}

/** An option that satisfies every hard constraint, with its soft-fit score. */
export type RankedOption = { option: DeploymentOption; score: number; reasons: Reason[] };

/** An option ruled out by at least one hard constraint. */
export type RejectedOption = { option: DeploymentOption; violations: Violation[] };

export type Recommendation = {
  /** Options that fit, best first. Empty only if the catalog has no option that fits. */
  ranked: RankedOption[];
  /** Options that break a hard constraint, in catalog order. */
  rejected: RejectedOption[];
};

const latencyBudgets: Record<NonNullable<Answers['latency']>, number | undefined> = {
  'under-50ms': 50,
  'under-100ms': 100,
  seconds: undefined,
};

// The highest ops effort a team at each maturity level can carry.
const maturityCapacity: Record<NonNullable<Answers['maturity']>, OpsLevel> = {
  low: 'low',
  medium: 'medium',
  high: 'high',
};

const maturityText: Record<NonNullable<Answers['maturity']>, string> = {
  low: 'an early ML-ops practice',
  medium: 'some ML-ops practice',
  high: 'a mature ML-ops practice',
};

/** Translates the answers into the hard constraints that evaluateOption checks. */
export function answersToConstraints(answers: Answers): Constraints {
  const constraints: Constraints = {};
  const budget = answers.latency === undefined ? undefined : latencyBudgets[answers.latency];
  if (budget !== undefined) constraints.latencyBudgetMs = budget;
  if (answers.connectivity === 'unreliable') constraints.offline = true;
  if (answers.data === 'device') constraints.dataStaysOnDevice = true;
  if (answers.data === 'own-cloud') constraints.noThirdParty = true;
  return constraints;
}

// Ops levels in increasing order of effort. A local table, not schema.ts's list,
// because importing values from schema.ts would bundle zod into the browser island.
const opsRanks: Record<OpsLevel, number> = { none: 0, low: 1, medium: 2, high: 3 };

/** Returns the rank of an ops level: none 0 to high 3. */
function opsRank(level: OpsLevel): number {
  return opsRanks[level];
}

// How each destination keeps data away from third parties. A third-party
// destination never reaches this text because evaluateOption rejects it first.
const privateDataSentences: Record<DataDestination, string> = {
  device: 'The data stays on the device.',
  'your-cloud': 'The data goes only to servers in your cloud, not to a third party.',
  'platform-cloud': "The data goes to the ML platform's servers, not to a third party.",
  'third-party': "The data goes to a third party's servers.",
};

/** Lists the constraints an option satisfies, as points in its favour. */
function constraintReasons(option: DeploymentOption, constraints: Constraints): Reason[] {
  const { facts } = option;
  const reasons: Reason[] = [];

  if (constraints.offline === true) reasons.push({ kind: 'pro', text: 'Works with no internet connection.' });
  if (constraints.dataStaysOnDevice === true) reasons.push({ kind: 'pro', text: 'The data stays on the device.' });
  if (constraints.noThirdParty === true) reasons.push({ kind: 'pro', text: privateDataSentences[facts.data] });
  return reasons;
}

/** Scores how well an option's latency fits the budget beyond the hard minimum. */
function scoreLatency(option: DeploymentOption, budget: number | undefined, reasons: Reason[]): number {
  if (budget === undefined) return 0;

  const { warmMs, estimate } = option.facts.latency;
  const range = `${formatMsRange(warmMs)}${estimate ? ' (estimate)' : ''}`;
  // The budget is a strict limit ("under 50 ms"), so a range that reaches it does not count as under it.
  if (warmMs[1] < budget) {
    reasons.push({ kind: 'pro', text: `Predictions take ${range}, under the ${formatMs(budget)} budget.` });
    return 1;
  }
  reasons.push({ kind: 'con', text: `Predictions take ${range}, so slow ones reach or go over the ${formatMs(budget)} budget.` });
  return -1;
}

/** Scores an option's fit to the traffic pattern, counting both its scaling and its cost model. */
function scoreTraffic(option: DeploymentOption, traffic: TrafficPattern | undefined, reasons: Reason[]): number {
  if (traffic === undefined) return 0;

  const { facts } = option;
  let score = 0;
  if (facts.traffic.includes(traffic)) {
    reasons.push({ kind: 'pro', text: `Suits ${trafficLabels[traffic]}.` });
    score += 2;
  } else {
    reasons.push({ kind: 'con', text: `Not a good match for ${trafficLabels[traffic]}.` });
    score -= 2;
  }

  const perUse = facts.cost.model === 'pay-per-call' || facts.cost.model === 'per-request';
  const paysWhenIdle = facts.cost.model === 'always-on' || facts.cost.model === 'per-endpoint-hour';
  const cost = costLabels[facts.cost.model].toLowerCase();
  if (traffic === 'steady-high' && paysWhenIdle) {
    reasons.push({ kind: 'pro', text: `Cost (${cost}): at steady high volume, warm capacity costs less than paying per call.` });
    score += 1;
  } else if (traffic === 'steady-high' && perUse) {
    reasons.push({ kind: 'con', text: `Cost (${cost}) grows with every request, so steady high volume gets expensive.` });
    score -= 1;
  } else if ((traffic === 'rare' || traffic === 'bursty') && perUse) {
    reasons.push({ kind: 'pro', text: `Cost (${cost}): an idle model costs nothing between requests.` });
    score += 1;
  } else if (traffic === 'rare' && paysWhenIdle) {
    reasons.push({ kind: 'con', text: `Cost (${cost}): you pay for idle capacity between the rare requests.` });
    score -= 1;
  }

  if (facts.coldStart.kind === 'after-idle' && (traffic === 'rare' || traffic === 'bursty')) {
    const figure = facts.coldStart.ms === undefined ? '' : ` of ${formatMsRange(facts.coldStart.ms)}`;
    reasons.push({ kind: 'con', text: `Expect cold starts${figure} after idle periods.` });
  }
  return score;
}

/** Scores the option's ops effort against what the team can run. */
function scoreOps(option: DeploymentOption, maturity: Answers['maturity'], reasons: Reason[]): number {
  if (maturity === undefined) return 0;

  const needed = opsRank(option.facts.ops);
  const capacity = opsRank(maturityCapacity[maturity]);
  const effort = opsLabels[option.facts.ops].toLowerCase();
  if (needed <= capacity) {
    reasons.push({ kind: 'pro', text: `Ops effort is ${effort}, within reach of a team with ${maturityText[maturity]}.` });
    return 1;
  }
  reasons.push({ kind: 'con', text: `Ops effort is ${effort}, more than a team with ${maturityText[maturity]} can usually carry.` });
  return -2 * (needed - capacity);
}

/**
 * Scores on-device inference down when no answer calls for it: each model
 * update then ships as an app update, a cost worth paying only for offline
 * use, private data or a very tight latency budget.
 */
function scoreOnDevice(option: DeploymentOption, constraints: Constraints, reasons: Reason[]): number {
  if (option.facts.network !== 'none') return 0;

  const demanded =
    constraints.offline === true || constraints.dataStaysOnDevice === true || (constraints.latencyBudgetMs ?? Infinity) <= 50;
  if (demanded) return 0;
  reasons.push({
    kind: 'con',
    text: 'Runs on the users\u2019 devices, so every model update ships as an app update; choose it when offline use, private data or a tight latency budget call for it.',
  });
  return -1;
}

/** Ranks one option that passed the hard constraints and explains its score. */
function rankOption(option: DeploymentOption, answers: Answers, constraints: Constraints): RankedOption {
  const reasons = constraintReasons(option, constraints);
  let score = 0;
  score += scoreLatency(option, constraints.latencyBudgetMs, reasons);
  score += scoreTraffic(option, answers.traffic, reasons);
  score += scoreOps(option, answers.maturity, reasons);
  score += scoreOnDevice(option, constraints, reasons);

  // Every option carries at least this line, so even an empty set of answers gets a reason.
  reasons.push({ kind: 'info', text: `Best for: ${option.bestFor}` });
  return { option, score, reasons };
}

/**
 * Recommends deployment options for the answers given so far. Hard
 * constraints (latency, offline use, where data may go) rule options out
 * through evaluateOption. The remaining options are ranked by traffic fit,
 * cost model, latency margin and ops effort against the team's maturity.
 * Ties go to the lower ops effort unless the team is mature, then to catalog order.
 */
export function recommend(catalog: Catalog, answers: Answers): Recommendation {
  const constraints = answersToConstraints(answers);
  const ranked: RankedOption[] = [];
  const rejected: RejectedOption[] = [];

  for (const option of catalog) {
    const verdict = evaluateOption(option, constraints);
    if (verdict.fits) ranked.push(rankOption(option, answers, constraints));
    else rejected.push({ option, violations: verdict.violations });
  }

  const preferLowerOps = answers.maturity !== 'high';
  const position = new Map(catalog.map((option, index) => [option.id, index]));
  ranked.sort((a, b) => {
    if (a.score !== b.score) return b.score - a.score;
    const opsDifference = opsRank(a.option.facts.ops) - opsRank(b.option.facts.ops);
    if (preferLowerOps && opsDifference !== 0) return opsDifference;
    return (position.get(a.option.id) ?? 0) - (position.get(b.option.id) ?? 0);
  });

  return { ranked, rejected };
}
