import type { DataDestination, OpsLevel, OptionFacts, TrafficPattern } from './schema.ts';

/** Reader-facing wording of the catalog's machine-readable facts (browser-safe). */
export const networkLabels: Record<OptionFacts['network'], string> = {
  required: 'Needed for every prediction',
  none: 'Not needed: works offline',
};

export const dataLabels: Record<DataDestination, string> = {
  device: 'Stays on the device',
  'your-cloud': 'Goes to servers in your cloud',
  'platform-cloud': "Goes to the ML platform's servers",
  'third-party': "Goes to a third party's servers",
};

export const costLabels: Record<OptionFacts['cost']['model'], string> = {
  'always-on': 'Always on',
  'pay-per-call': 'Pay per call',
  'per-endpoint-hour': 'Per endpoint hour',
  'per-request': 'Per request',
  bundled: 'Bundled with the app',
};

export const opsLabels: Record<OpsLevel, string> = {
  none: 'None',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

export const trafficLabels: Record<TrafficPattern, string> = {
  'steady-high': 'steady high traffic',
  bursty: 'bursty traffic',
  rare: 'rare requests',
  batch: 'batch jobs',
};
