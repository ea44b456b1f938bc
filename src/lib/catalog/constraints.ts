import type { Catalog, DataDestination, DeploymentOption } from './schema.ts';

/** Hard requirements a scenario places on where its model runs. */
export type Constraints = {
  /** Every prediction must finish in under this many milliseconds. */
  latencyBudgetMs?: number;
  /** The product must keep working with no internet connection. */
  offline?: boolean;
  /** Inputs (patient data, for example) must never leave the device. */
  dataStaysOnDevice?: boolean;
  /** Inputs may go to your own cloud but never to a third party. */
  noThirdParty?: boolean;
};

export const constraintIds = ['latency', 'offline', 'data-on-device', 'no-third-party'] as const;
export type ConstraintId = (typeof constraintIds)[number];

export type Violation = {
  constraint: ConstraintId;
  message: string;
  /** The figure that breaks the constraint, such as "200 ms to 10 s". */
  figure?: string;
};

export type OptionVerdict = {
  optionId: string;
  fits: boolean;
  violations: Violation[];
};

const destinationText: Record<DataDestination, string> = {
  device: 'stays on the device',
  'your-cloud': 'goes to servers in your cloud',
  'platform-cloud': "goes to the ML platform's servers",
  'third-party': "goes to a third party's servers",
};

/** Format a millisecond figure as "200 ms" or "10 s". */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Format a millisecond range as "200 ms to 10 s". */
export function formatMsRange([min, max]: readonly [number, number]): string {
  return `${formatMs(min)} to ${formatMs(max)}`;
}

/** Check one option's catalog facts against the constraints and list every one it breaks. */
export function evaluateOption(option: DeploymentOption, constraints: Constraints): OptionVerdict {
  const { facts } = option;
  const violations: Violation[] = [];

  if (constraints.offline === true && facts.network === 'required') {
    violations.push({
      constraint: 'offline',
      message: `${option.shortName} needs a network round trip for every prediction, but the app must work with no internet connection.`,
      figure: 'a network round trip',
    });
  }

  if (constraints.dataStaysOnDevice === true && facts.data !== 'device') {
    // A third party is worse than leaving the device for your own cloud, so say so.
    const thirdParty = facts.data === 'third-party' ? ', and a company you do not control receives and holds it' : '';
    violations.push({
      constraint: 'data-on-device',
      message: `With ${option.shortName}, every input ${destinationText[facts.data]}, so the data leaves the device${thirdParty}.`,
      figure: destinationText[facts.data],
    });
  } else if (constraints.noThirdParty === true && facts.data === 'third-party') {
    violations.push({
      constraint: 'no-third-party',
      message: `With ${option.shortName}, every input ${destinationText[facts.data]}.`,
      figure: destinationText[facts.data],
    });
  }

  const budget = constraints.latencyBudgetMs;
  if (budget !== undefined) {
    const cold = facts.coldStart;
    if (cold.kind === 'after-idle' && cold.ms !== undefined && cold.ms[0] >= budget) {
      const figure = `${formatMsRange(cold.ms)} cold starts`;
      violations.push({
        constraint: 'latency',
        message: `${option.shortName} has cold starts of ${formatMsRange(cold.ms)} after idle, far above the ${formatMs(budget)} budget.`,
        figure,
      });
    } else if (facts.latency.warmMs[0] >= budget) {
      violations.push({
        constraint: 'latency',
        message: `${option.shortName} takes at least ${formatMs(facts.latency.warmMs[0])} per prediction${facts.latency.estimate ? ' (estimate)' : ''}, which does not fit the ${formatMs(budget)} budget.`,
        figure: formatMs(facts.latency.warmMs[0]),
      });
    }
  }

  return { optionId: option.id, fits: violations.length === 0, violations };
}

/** Evaluate every option of the catalog against the constraints, in catalog order. */
export function evaluateCatalog(catalog: Catalog, constraints: Constraints): OptionVerdict[] {
  return catalog.map((option) => evaluateOption(option, constraints));
}

/** Return the ids of the options that satisfy every constraint. */
export function deriveFittingOptions(catalog: Catalog, constraints: Constraints): string[] {
  return evaluateCatalog(catalog, constraints)
    .filter((verdict) => verdict.fits)
    .map((verdict) => verdict.optionId);
}

/** A constraint an option satisfies, with the catalog fact that satisfies it. */
export type Fit = {
  constraint: ConstraintId;
  message: string;
};

/** Explain, constraint by constraint, why an option satisfies each constraint it does not break. */
export function describeFit(option: DeploymentOption, constraints: Constraints): Fit[] {
  const { facts } = option;
  const broken = new Set(evaluateOption(option, constraints).violations.map((violation) => violation.constraint));
  const fits: Fit[] = [];

  if (constraints.latencyBudgetMs !== undefined && !broken.has('latency')) {
    const [min, max] = facts.latency.warmMs;
    const budget = formatMs(constraints.latencyBudgetMs);
    const trip = facts.latency.includesNetworkRoundTrip ? 'including a network round trip' : 'with no network round trip';
    const estimate = facts.latency.estimate ? ' (an estimate)' : '';
    // The budget is a strict limit ("under 50 ms"), so a range that reaches it is only partly under it.
    const verdict = max < constraints.latencyBudgetMs ? `under the ${budget} budget` : `so the slowest predictions reach the ${budget} budget`;
    fits.push({
      constraint: 'latency',
      message: `A prediction takes about ${formatMs(min)} to ${formatMs(max)}${estimate}, ${trip}, ${verdict}. Source: ${facts.latency.source.trim()}`,
    });
  }

  if (constraints.offline === true && !broken.has('offline')) {
    fits.push({
      constraint: 'offline',
      message: 'Inference needs no network, so the app keeps working with no internet connection.',
    });
  }

  if (constraints.dataStaysOnDevice === true && !broken.has('data-on-device')) {
    fits.push({ constraint: 'data-on-device', message: `Every input ${destinationText[facts.data]}.` });
  } else if (constraints.noThirdParty === true && !broken.has('no-third-party')) {
    fits.push({ constraint: 'no-third-party', message: `Every input ${destinationText[facts.data]}, never to a third party.` });
  }

  return fits;
}

/** Name the constraint for a learner, e.g. "a 50 ms latency budget". */
export function describeConstraint(constraint: ConstraintId, constraints: Constraints): string {
  switch (constraint) {
    case 'latency':
      return `a response in under ${formatMs(constraints.latencyBudgetMs ?? 0)}`;
    case 'offline':
      return 'working with no internet connection';
    case 'data-on-device':
      return 'data that must not leave the device';
    case 'no-third-party':
      return 'data that must not reach a third party';
  }
}
