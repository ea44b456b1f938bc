import { describe, expect, test } from 'vitest';
import { matcherFor } from './choice.ts';
import { compileMatcher, interpretText, normalizePhrase, tokenize } from './freeText.ts';
import { realCheckpoint } from './testing.ts';

const heartRate = realCheckpoint('heart-rate');
const matcher = matcherFor(heartRate);

// Expected: one option id, or `clarify: [ids named]` when the text names zero or several.
type Expected = string | { clarify: string[] };

const phrasings: Array<[string, Expected]> = [
  // Plain names and catalog aliases.
  ['edge', 'edge'],
  ['Edge', 'edge'],
  ['EDGE!!!', 'edge'],
  ['on-device', 'edge'],
  ['on device', 'edge'],
  ['On-Device inference', 'edge'],
  ['run it on the watch with Core ML', 'edge'],
  ['CoreML on the watch', 'edge'],
  ['TFLite', 'edge'],
  ['tensorflow lite in the app', 'edge'],
  ['LiteRT', 'edge'],
  ['onnx runtime on the phone', 'edge'],
  ['bundle the model with the app and run it locally', 'edge'],
  ['edge computing', 'edge'],
  ['Édge', 'edge'],
  ['the smartwatch itself', 'edge'],
  ['at the edge of the network', 'edge'],
  ['serverless', 'serverless'],
  ['AWS Lambda', 'serverless'],
  ['lambda functions', 'serverless'],
  ['Azure Functions', 'serverless'],
  ['a kubernetes cluster', 'container'],
  ['Docker containers on k8s', 'container'],
  ['our own servers', 'container'],
  ['my own server', 'container'],
  ['self-hosted', 'container'],
  ['kubernetes', 'container'],
  ['a docker container', 'container'],
  // "server" alone fits every server-side option.
  ['server', { clarify: [] }],
  ['servers', { clarify: [] }],
  ['a server', { clarify: [] }],
  ['on a server', { clarify: [] }],
  ['serverless on a server', 'serverless'],
  ['SageMaker endpoint', 'managed-platform'],
  ['Vertex AI', 'managed-platform'],
  ['a managed ML platform', 'managed-platform'],
  ['the OpenAI API', 'model-as-a-service'],
  ['a hosted API from Hugging Face', 'model-as-a-service'],
  ['model-as-a-service', 'model-as-a-service'],
  ['Model as a Service', 'model-as-a-service'],
  // Word boundaries: "server" is not inside "serverless", and edge idioms are not the option.
  ['serverless, definitely', 'serverless'],
  ['a cutting-edge serverless setup', 'serverless'],
  ['cutting edge serverless', 'serverless'],
  ['bleeding-edge kubernetes', 'container'],
  ['cutting-edge', { clarify: [] }],
  ['on the edge of failure', { clarify: [] }],
  ['this is an edge case', { clarify: [] }],
  ['edges', { clarify: [] }],
  ['servery', { clarify: [] }],
  // Negation.
  ['not serverless, on-device', 'edge'],
  ['not serverless but on the device', 'edge'],
  ['on-device, not serverless', 'edge'],
  ["don't use serverless; use the watch", 'edge'],
  ['dont use serverless, use the watch', 'edge'],
  ['never a hosted API. Run it locally', 'edge'],
  ['without any servers, just the phone', 'edge'],
  ['edge instead of serverless', 'edge'],
  ['instead of serverless, edge', 'edge'],
  ['edge rather than a container', 'edge'],
  ['rather than lambda I would use core ml', 'edge'],
  ['avoid the cloud api and go with tflite', 'edge'],
  ['neither serverless nor a container, it has to be edge', 'edge'],
  ['not serverless or a container: edge', 'edge'],
  ['no kubernetes. no lambda. on-device.', 'edge'],
  ['I would not put it on a hosted API', { clarify: [] }],
  ['not serverless', { clarify: [] }],
  ['no servers', { clarify: [] }],
  ['non-serverless', { clarify: [] }],
  ['a non-serverless setup on the watch', 'edge'],
  // The negation window is four words; further away the mention counts.
  ['without a network connection the app uses core ml', 'edge'],
  ['not the best idea in my view, serverless', 'serverless'],
  // Affirmations that start with a negator negate nothing.
  ['no doubt edge', 'edge'],
  ['without a doubt serverless', 'serverless'],
  ['without doubt the watch', 'edge'],
  ['no question edge', 'edge'],
  ['no doubt not serverless', { clarify: [] }],
  // Clause breaks end a negation.
  ['no internet so edge', 'edge'],
  ['no network, so edge', 'edge'],
  ['no internet because edge', 'edge'],
  // Several or zero options.
  ['edge or serverless', { clarify: ['edge', 'serverless'] }],
  ['serverless and a container', { clarify: ['serverless', 'container'] }],
  ['sagemaker or hugging face', { clarify: ['managed-platform', 'model-as-a-service'] }],
  ['no idea', { clarify: [] }],
  // Negation after a mention is not read.
  ["serverless won't work, edge will", { clarify: ['serverless', 'edge'] }],
  ['the cloud', { clarify: [] }],
  ['', { clarify: [] }],
  ['42', { clarify: [] }],
  // One option mentioned twice, once with negation, cancels out.
  ['serverless? not serverless. edge', 'edge'],
];

describe('interpretText on heart-rate phrasings', () => {
  test('table has at least 60 rows', () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(60);
  });

  test.each(phrasings)('%j', (text, expected) => {
    const reading = interpretText(text, matcher);
    if (typeof expected === 'string') {
      expect(reading.named).toEqual([expected]);
    } else {
      expect(reading.named).toEqual(expected.clarify);
    }
  });
});

describe('tokenize', () => {
  const rows: Array<[string, string[]]> = [
    ['On-Device', ['on', 'device']],
    ["Don't", ['dont']],
    ['Don’t use it.', ['dont', 'use', 'it', ',']],
    ['Café, naïve', ['cafe', ',', 'naive']],
    ['k8s/ECS', ['k8s', 'ecs']],
    ['a;b:c!d?e', ['a', ',', 'b', ',', 'c', ',', 'd', ',', 'e']],
    ['   ', []],
  ];
  test.each(rows)('%j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  test('normalizePhrase drops clause breaks', () => {
    expect(normalizePhrase('Core ML.')).toBe('core ml');
  });
});

describe('compileMatcher', () => {
  test('rejects a phrase owned by two options', () => {
    expect(() =>
      compileMatcher([
        { id: 'a', synonyms: ['shared phrase'] },
        { id: 'b', synonyms: ['Shared-Phrase'] },
      ]),
    ).toThrow('The phrase "Shared-Phrase" names both "a" and "b"');
  });

  test('longest phrase wins over an idiom', () => {
    const custom = compileMatcher([{ id: 'edge', synonyms: ['edge', 'edge of the network'] }]);
    expect(interpretText('edge of the network', custom).named).toEqual(['edge']);
    expect(interpretText('edge of reason', custom).named).toEqual([]);
  });
});

describe('interpretText vague terms', () => {
  const rows: Array<[string, string[]]> = [
    ['server', ['server']],
    ['a server', ['server']],
    ['on servers', ['servers']],
    ['my own server', []],
    ['serverless', []],
  ];
  test.each(rows)('%j', (text, vague) => {
    expect(interpretText(text, matcher).vague).toEqual(vague);
  });

  test('an option synonym overrides a vague term', () => {
    const custom = compileMatcher([{ id: 'box', synonyms: ['server'] }]);
    expect(interpretText('a server', custom)).toEqual({ named: ['box'], negated: [], vague: [] });
  });
});

describe('interpretText negated list', () => {
  test('reports negated options', () => {
    expect(interpretText('not serverless or a container', matcher)).toEqual({ named: [], negated: ['serverless', 'container'], vague: [] });
  });

  test('a non-list word ends the negated list', () => {
    expect(interpretText('not serverless, maybe a container', matcher).named).toEqual(['container']);
    expect(interpretText('not serverless then a container', matcher).named).toEqual(['container']);
  });
});
