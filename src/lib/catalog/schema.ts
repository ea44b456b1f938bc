import { z } from 'zod';

/** Millisecond range `[min, max]` with min <= max. */
const msRange = z
  .tuple([z.number().nonnegative(), z.number().nonnegative()])
  .refine(([min, max]) => min <= max, { message: 'Expected [min, max] with min <= max' });

export const networkNeeds = ['required', 'none'] as const;
/** Where inference inputs go: nowhere (device), your cloud, a platform's cloud, or a third party. */
export const dataDestinations = ['device', 'your-cloud', 'platform-cloud', 'third-party'] as const;
export const opsLevels = ['none', 'low', 'medium', 'high'] as const;
export const trafficPatterns = ['steady-high', 'bursty', 'rare', 'batch'] as const;
export const costModels = ['always-on', 'pay-per-call', 'per-endpoint-hour', 'per-request', 'bundled'] as const;
export const coldStartKinds = ['none', 'after-idle', 'provider-dependent'] as const;

export const optionFactsSchema = z.object({
  network: z.enum(networkNeeds),
  data: z.enum(dataDestinations),
  latency: z.object({
    warmMs: msRange,
    includesNetworkRoundTrip: z.boolean(),
    estimate: z.boolean(),
    source: z.string().min(1),
  }),
  coldStart: z.object({
    kind: z.enum(coldStartKinds),
    ms: msRange.optional(),
    note: z.string().min(1),
    source: z.string().min(1).optional(),
  }),
  cost: z.object({ model: z.enum(costModels), note: z.string().min(1) }),
  ops: z.enum(opsLevels),
  traffic: z.array(z.enum(trafficPatterns)).min(1),
});

export const deploymentOptionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'Expected a lowercase id such as "edge"'),
  name: z.string().min(1),
  shortName: z.string().min(1),
  summary: z.string().min(1),
  examples: z.array(z.string().min(1)).min(1),
  bestFor: z.string().min(1),
  /** Lowercase phrasings that name this option in free-text answers. */
  aliases: z.array(z.string().min(1)).min(1),
  facts: optionFactsSchema,
});

export const catalogSchema = z
  .array(deploymentOptionSchema)
  .min(1)
  .superRefine((options, ctx) => {
    const seen = new Set<string>();
    options.forEach((option, index) => {
      if (seen.has(option.id)) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `Duplicate option id "${option.id}"` });
      }
      seen.add(option.id);
      if (option.facts.coldStart.kind === 'after-idle' && option.facts.coldStart.ms === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'facts', 'coldStart', 'ms'],
          message: 'A cold start after idle needs its range in ms',
        });
      }
    });
  });

export type DeploymentOption = z.infer<typeof deploymentOptionSchema>;
export type OptionFacts = z.infer<typeof optionFactsSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
export type DataDestination = (typeof dataDestinations)[number];
export type OpsLevel = (typeof opsLevels)[number];
export type TrafficPattern = (typeof trafficPatterns)[number];
