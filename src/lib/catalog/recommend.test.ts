import { describe, expect, it } from 'vitest';
import { loadCatalog } from './load.ts';
import { questions, type Answers } from './questions.ts';
import { groupReasons, recommend, type Reason } from './recommend.ts';

const catalog = loadCatalog();

/** Lists every combination of answers, with each question either answered or left blank. */
function allAnswerCombinations(): Answers[] {
  let combinations: Record<string, string>[] = [{}];
  for (const question of questions) {
    const next: Record<string, string>[] = [];
    for (const partial of combinations) {
      next.push({ ...partial });
      for (const choice of question.choices) next.push({ ...partial, [question.id]: choice.value });
    }
    combinations = next;
  }
  return combinations as Answers[];
}

describe('recommend over every combination', () => {
  const combinations = allAnswerCombinations();
  const expectedCount = questions.reduce((count, question) => count * (question.choices.length + 1), 1);

  it('enumerates every combination', () => {
    expect(combinations).toHaveLength(expectedCount);
  });

  it.each(combinations.map((answers) => [JSON.stringify(answers), answers] as const))('gives a reasoned recommendation for %s', (_, answers) => {
    const result = recommend(catalog, answers);
    const best = result.ranked[0];

    expect(best).toBeDefined();
    expect(best?.reasons.length).toBeGreaterThan(0);
    expect(result.ranked.length + result.rejected.length).toBe(catalog.length);
    for (const rejected of result.rejected) expect(rejected.violations.length).toBeGreaterThan(0);
    for (let index = 1; index < result.ranked.length; index++) {
      expect(result.ranked[index - 1]!.score).toBeGreaterThanOrEqual(result.ranked[index]!.score);
    }
  });
});

describe('recommend for known scenarios', () => {
  const scenarios: { name: string; answers: Answers; best: string; rejected: string[] }[] = [
    { name: 'no answers', answers: {}, best: 'model-as-a-service', rejected: [] },
    {
      name: 'heart-rate monitor',
      answers: { latency: 'under-50ms', connectivity: 'unreliable', data: 'device' },
      best: 'edge',
      rejected: ['container', 'serverless', 'managed-platform', 'model-as-a-service'],
    },
    { name: 'offline only', answers: { connectivity: 'unreliable' }, best: 'edge', rejected: ['container', 'serverless', 'managed-platform', 'model-as-a-service'] },
    {
      name: 'high-traffic API, mature team',
      answers: { latency: 'seconds', connectivity: 'reliable', data: 'anywhere', traffic: 'steady-high', maturity: 'high' },
      best: 'container',
      rejected: [],
    },
    {
      name: 'rare internal tool, own cloud',
      answers: { connectivity: 'reliable', data: 'own-cloud', traffic: 'rare', maturity: 'low' },
      best: 'serverless',
      rejected: ['model-as-a-service'],
    },
    {
      name: 'steady traffic, some ops, waiting user',
      answers: { latency: 'under-100ms', connectivity: 'reliable', data: 'own-cloud', traffic: 'steady-high', maturity: 'medium' },
      best: 'managed-platform',
      rejected: ['serverless', 'model-as-a-service'],
    },
    { name: 'prototype, bursty, early team', answers: { data: 'anywhere', traffic: 'bursty', maturity: 'low' }, best: 'model-as-a-service', rejected: [] },
    { name: 'private data only', answers: { data: 'device' }, best: 'edge', rejected: ['container', 'serverless', 'managed-platform', 'model-as-a-service'] },
  ];

  it.each(scenarios)('$name recommends $best', ({ answers, best, rejected }) => {
    const result = recommend(catalog, answers);

    expect(result.ranked[0]?.option.id).toBe(best);
    expect(result.rejected.map((entry) => entry.option.id)).toEqual(rejected);
  });

  it('rejects serverless for a 100 ms budget with its cold-start figure', () => {
    const result = recommend(catalog, { latency: 'under-100ms' });
    const serverless = result.rejected.find((entry) => entry.option.id === 'serverless');

    expect(serverless?.violations.map((violation) => violation.constraint)).toEqual(['latency']);
    expect(serverless?.violations[0]?.figure).toBe('200 ms to 10 s cold starts');
  });

  it('explains the heart-rate recommendation', () => {
    const result = recommend(catalog, { latency: 'under-50ms', connectivity: 'unreliable', data: 'device' });
    const texts = result.ranked[0]?.reasons.map((reason) => reason.text) ?? [];

    expect(texts).toContain('Works with no internet connection.');
    expect(texts).toContain('The data stays on the device.');
  });

  // Latency figures are set on a copy of the edge option, so the wording is
  // tested independently of the catalog's current estimate.
  it.each([
    { warmMs: [2, 30], latency: 'under-50ms', kind: 'pro', text: 'Predictions take 2 ms to 30 ms (estimate), under the 50 ms budget.' },
    { warmMs: [2, 50], latency: 'under-50ms', kind: 'con', text: 'Predictions take 2 ms to 50 ms (estimate), so slow ones reach or go over the 50 ms budget.' },
    { warmMs: [2, 99], latency: 'under-100ms', kind: 'pro', text: 'Predictions take 2 ms to 99 ms (estimate), under the 100 ms budget.' },
    { warmMs: [20, 150], latency: 'under-100ms', kind: 'con', text: 'Predictions take 20 ms to 150 ms (estimate), so slow ones reach or go over the 100 ms budget.' },
  ] as const)('words a $warmMs ms range against $latency', ({ warmMs, latency, kind, text }) => {
    const edge = catalog.find((option) => option.id === 'edge')!;
    const option = { ...edge, facts: { ...edge.facts, latency: { ...edge.facts.latency, warmMs: [...warmMs] as [number, number], estimate: true } } };
    const reasons = recommend([option], { latency }).ranked[0]?.reasons ?? [];

    expect(reasons).toContainEqual({ kind, text });
  });

  it('never says within the budget', () => {
    for (const answers of [{ latency: 'under-50ms' }, { latency: 'under-100ms' }] as const) {
      const texts = recommend(catalog, answers).ranked.flatMap((entry) => entry.reasons.map((reason) => reason.text));
      for (const text of texts) expect(text).not.toMatch(/within the \d+ m?s budget/);
    }
  });

  it.each([
    ['managed-platform', "The data goes to the ML platform's servers, not to a third party."],
    ['container', 'The data goes only to servers in your cloud, not to a third party.'],
    ['edge', 'The data stays on the device.'],
  ])('explains why %s keeps data private', (optionId, sentence) => {
    const result = recommend(catalog, { data: 'own-cloud' });
    const option = result.ranked.find((entry) => entry.option.id === optionId);

    expect(option?.reasons.map((reason) => reason.text)).toContain(sentence);
  });

  it('returns no ranked option when nothing fits', () => {
    const serverOnly = catalog.filter((option) => option.facts.network === 'required');
    const result = recommend(serverOnly, { connectivity: 'unreliable' });

    expect(result.ranked).toEqual([]);
    expect(result.rejected).toHaveLength(serverOnly.length);
  });
});

describe('groupReasons', () => {
  const pro = (text: string): Reason => ({ kind: 'pro', text });
  const con = (text: string): Reason => ({ kind: 'con', text });
  const info = (text: string): Reason => ({ kind: 'info', text });

  it.each([
    { name: 'no reasons', reasons: [], fits: [], tradeOffs: [], context: [] },
    { name: 'only pros', reasons: [pro('a'), pro('b')], fits: [pro('a'), pro('b')], tradeOffs: [], context: [] },
    { name: 'mixed, order kept', reasons: [con('x'), pro('a'), info('i'), con('y')], fits: [pro('a')], tradeOffs: [con('x'), con('y')], context: [info('i')] },
    { name: 'only trade-offs', reasons: [con('x')], fits: [], tradeOffs: [con('x')], context: [] },
  ])('splits $name', ({ reasons, fits, tradeOffs, context }) => {
    const groups = groupReasons(reasons);

    expect(groups.fits).toEqual(fits);
    expect(groups.tradeOffs).toEqual(tradeOffs);
    expect(groups.context).toEqual(context);
  });
});
