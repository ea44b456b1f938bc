/** Runtime the learner requested: automatic choice, WebContainer, or the in-page shell. */
export type RuntimePreference = 'auto' | 'webcontainer' | 'inpage';

/** Source of a preference, so the badge can name what forced a runtime. */
export type PreferenceSource = 'query' | 'setting' | 'default';

/** Reason the in-page runtime runs instead of WebContainer. */
export type InPageReason =
  | { kind: 'forced'; source: 'query' | 'setting' }
  | { kind: 'not-isolated' }
  | { kind: 'unsupported'; missing: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'failed'; message: string };

/** The runtime a lab page ended up with. */
export type RuntimeOutcome = { runtime: 'webcontainer' } | { runtime: 'inpage'; reason: InPageReason };

/**
 * The first step of the choice. `webcontainer` boots WebContainer before the
 * terminal starts (the learner forced it). `background` starts the in-page
 * runtime at once and boots WebContainer meanwhile, offering a switch when it
 * is ready. `inpage` starts the in-page runtime and tries nothing else.
 */
export type RuntimePlan =
  | { attempt: 'webcontainer' }
  | { attempt: 'background' }
  | { attempt: 'inpage'; reason: InPageReason };

/** Badge text while the in-page runtime runs and WebContainer boots behind it. */
export const BACKGROUND_BOOT_TEXT = 'In-page runtime; trying WebContainer in the background…';

/** Badge text once the background boot succeeded and the switch is offered. */
export const BACKGROUND_READY_TEXT = 'In-page runtime; WebContainer is ready';

export const RUNTIME_SETTING_KEY = 'slipway:runtime';

/** Seconds WebContainer.boot() may take before the page gives up on it. */
export const WEBCONTAINER_BOOT_TIMEOUT_SECONDS = 20;

const PREFERENCES: readonly RuntimePreference[] = ['auto', 'webcontainer', 'inpage'];

/** Parse a stored or typed preference; anything unknown is null. */
export function parsePreference(value: string | null | undefined): RuntimePreference | null {
  const normal = value?.trim().toLowerCase();
  return PREFERENCES.find((preference) => preference === normal) ?? null;
}

/** Pick the preference in force: `?runtime=` beats the site setting, which beats `auto`. */
export function resolvePreference(query: string | null, setting: string | null): {
  preference: RuntimePreference;
  source: PreferenceSource;
} {
  const fromQuery = parsePreference(query);
  if (fromQuery !== null) return { preference: fromQuery, source: 'query' };

  const fromSetting = parsePreference(setting);
  if (fromSetting !== null) return { preference: fromSetting, source: 'setting' };

  return { preference: 'auto', source: 'default' };
}

/** Build the message for a `?runtime=` value that names no runtime, or return null when the value is absent or valid. */
export function describeIgnoredQuery(query: string | null): string | null {
  if (query === null || query.trim() === '' || parsePreference(query) !== null) return null;
  return `Invalid ?runtime= value "${query}" ignored: expected one of ${PREFERENCES.join(', ')}.`;
}

/**
 * Plan the runtime from the preference and what the browser offers.
 * `missingFeature` names the first browser feature WebContainer needs that is
 * absent, or is null when all are there.
 */
export function planRuntime(input: {
  preference: RuntimePreference;
  source: PreferenceSource;
  crossOriginIsolated: boolean;
  missingFeature: string | null;
}): RuntimePlan {
  if (input.preference === 'inpage') {
    const source = input.source === 'query' ? 'query' : 'setting';
    return { attempt: 'inpage', reason: { kind: 'forced', source } };
  }

  // A forced WebContainer still needs isolation: without it boot() cannot succeed.
  if (!input.crossOriginIsolated) return { attempt: 'inpage', reason: { kind: 'not-isolated' } };
  if (input.missingFeature !== null) {
    return { attempt: 'inpage', reason: { kind: 'unsupported', missing: input.missingFeature } };
  }
  return input.preference === 'auto' ? { attempt: 'background' } : { attempt: 'webcontainer' };
}

/** Describe the active runtime and the reason for it, as the badge shows it. */
export function describeOutcome(outcome: RuntimeOutcome): string {
  if (outcome.runtime === 'webcontainer') return 'WebContainer runtime: jsh with docker on the PATH';
  return `In-page runtime: ${describeReason(outcome.reason)}`;
}

/** Describe why the in-page runtime runs. */
export function describeReason(reason: InPageReason): string {
  switch (reason.kind) {
    case 'forced':
      return reason.source === 'query' ? 'forced by ?runtime=inpage' : 'forced by the runtime setting';
    case 'not-isolated':
      return 'WebContainer could not start: page is not cross-origin isolated';
    case 'unsupported':
      return `WebContainer could not start: this browser lacks ${reason.missing}`;
    case 'timeout':
      return `WebContainer could not start: boot timed out after ${reason.seconds} s`;
    case 'failed':
      return `WebContainer could not start: boot failed: ${reason.message}`;
  }
}
