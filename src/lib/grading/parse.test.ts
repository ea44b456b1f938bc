import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCheckpoints, validateCheckpoints } from './load.ts';
import { parseCheckpointFile } from './parse.ts';
import { realCatalog, repositoryRoot } from './testing.ts';

const catalog = realCatalog();
const file = 'quizzes/mini.yaml';

const base = `id: mini
kind: scenario
title: Mini
scenario: A watch app.
prompt: Which option?
constraints: { latencyBudgetMs: 50, offline: true, dataStaysOnDevice: true }
options: [container, serverless, edge]
answer: edge
solution: Edge.
`;

/** Return the message parseCheckpointFile throws for the text, or "no error". */
function errorOf(text: string, name = file): string {
  try {
    parseCheckpointFile(text, name, catalog);
    return 'no error';
  } catch (error) {
    return (error as Error).message;
  }
}

const schemaFix = 'Fix: Correct the fields listed above; quizzes/README.md describes the checkpoint format.';

const rows: Array<[string, string, string]> = [
  [
    'declared answer differs from derived',
    base.replace('answer: edge', 'answer: serverless'),
    'quizzes/mini.yaml: answer: Declared answer "serverless" does not match the answer derived from the catalog, "edge" ("serverless" breaks offline (a network round trip), data-on-device (goes to servers in your cloud), latency (200 ms to 10 s cold starts)); found "serverless"\n' +
      'Fix: Set answer to "edge", or change the constraints or the catalog facts.',
  ],
  [
    'no option fits',
    base.replace('[container, serverless, edge]', '[container, serverless]').replace('answer: edge', 'answer: container'),
    'quizzes/mini.yaml: constraints: No option fits these constraints: "container" breaks offline (a network round trip), data-on-device (goes to servers in your cloud); "serverless" breaks offline (a network round trip), data-on-device (goes to servers in your cloud), latency (200 ms to 10 s cold starts)\n' +
      'Fix: Relax a constraint, or add a catalog option that satisfies all of them.',
  ],
  [
    'several options fit',
    base.replace(/constraints: .*/, 'constraints: { latencyBudgetMs: 100 }'),
    'quizzes/mini.yaml: answer: More than one option fits these constraints: "container", "edge"; a scenario needs exactly one; found "edge"\n' +
      'Fix: Add a constraint that rules out all but one option, or remove options.',
  ],
  [
    'missing and unknown fields',
    base.replace('prompt: Which option?\n', '').replace('title: Mini', 'title: Mini\ncolour: red'),
    'quizzes/mini.yaml: prompt: Required field missing; expected a string\n' +
      'quizzes/mini.yaml: colour: Unknown field "colour"; expected one of id, title, prompt, scenario, hints, solution, reasons, reasonsWeight, policy, kind, constraints, options, answer, accepts, feedback, synonyms\n' +
      schemaFix,
  ],
  [
    'unknown kind',
    base.replace('kind: scenario', 'kind: essay'),
    'quizzes/mini.yaml: kind: Expected one of "single", "multiple", "scenario", "free-text", found "essay"\nFix: Set kind to one of the kinds listed.',
  ],
  [
    'empty file',
    '',
    'quizzes/mini.yaml: kind: Expected one of "single", "multiple", "scenario", "free-text", found nothing\nFix: Set kind to one of the kinds listed.',
  ],
  [
    'option not in catalog',
    base.replace('[container, serverless, edge]', '[container, edg, edge]'),
    'quizzes/mini.yaml: options[1]: Unknown option "edg"; expected a catalog id ("container", "serverless", "managed-platform", "model-as-a-service", "edge"). Did you mean "edge"?\n' +
      'Fix: Use ids from src/data/deployment-options.yaml.',
  ],
  [
    'YAML syntax error',
    base.replace('prompt: Which option?', 'prompt: [Which option?'),
    'quizzes/mini.yaml:6:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n' +
      'Fix: Correct the YAML syntax at that line (indentation, quotes or a missing colon).',
  ],
  [
    'bad policy values',
    `${base}policy: { decline: [0.5, 0.8], maxAttempts: 0 }\n`,
    'quizzes/mini.yaml: policy.maxAttempts: Expected a number of at least 1; found 0\n' +
      'quizzes/mini.yaml: policy.decline: Expected multipliers that never increase, such as [1, 0.8, 0.6]; found [0.5,0.8]\n' +
      schemaFix,
  ],
  [
    'empty constraints',
    base.replace(/constraints: .*/, 'constraints: {}'),
    'quizzes/mini.yaml: constraints: Expected at least one constraint, such as latencyBudgetMs: 50\n' + schemaFix,
  ],
  [
    'reason problems',
    `${base}reasons:\n  - { id: fast, label: Fast, constraint: no-third-party, ticked: x }\n  - { id: cheap, label: Cheap, ticked: y }\n  - { id: off, label: Off, constraint: offline, ticked: z }\n`,
    'quizzes/mini.yaml: reasons[0].constraint: "no-third-party" is not one of this scenario\'s constraints ("latency", "offline", "data-on-device"); found "no-third-party"\n' +
      'quizzes/mini.yaml: reasons[1].relevant: Expected relevant: true or relevant: false\n' +
      'quizzes/mini.yaml: reasons[2].missed: A relevant reason needs "missed" feedback for learners who leave it unticked\n' +
      'Fix: Link the reason to a constraint the scenario sets, or make it a distractor with relevant: false. Mark each reason relevant: true (it drives the answer) or relevant: false (a distractor). Add missed: with a sentence on why this reason matters.',
  ],
  [
    'feedback for unknown option',
    `${base}feedback: { lambda: hi }\n`,
    'quizzes/mini.yaml: feedback.lambda: Unknown option "lambda"; expected one of "container", "serverless", "edge"\nFix: Key "feedback" by ids listed under options.',
  ],
  [
    'synonym owned by two options',
    `${base}synonyms: { edge: [the cloud], container: [The Cloud] }\n`,
    'quizzes/mini.yaml: synonyms: The phrase "the cloud" names both "container" and "edge"\nFix: Give each phrase to one option only.',
  ],
];

describe('misspelt option reported once', () => {
  const rows: Array<[string, string, string]> = [
    [
      'scenario option typo',
      base.replace('[container, serverless, edge]', '[container, serverles, edge]') +
        'feedback: { serverless: Too slow. }\nsynonyms: { serverless: [lambda please] }\n',
      'quizzes/mini.yaml: options[1]: Unknown option "serverles"; expected a catalog id ("container", "serverless", "managed-platform", "model-as-a-service", "edge"). Did you mean "serverless"?\n' +
        'Fix: Use ids from src/data/deployment-options.yaml.',
    ],
    [
      'typo in the answer option',
      base.replace('[container, serverless, edge]', '[container, serverless, edg]'),
      'quizzes/mini.yaml: options[2]: Unknown option "edg"; expected a catalog id ("container", "serverless", "managed-platform", "model-as-a-service", "edge"). Did you mean "edge"?\n' +
        'Fix: Use ids from src/data/deployment-options.yaml.',
    ],
    [
      'free-text option typo',
      'id: mini\nkind: free-text\ntitle: T\nprompt: P\noptions: [serverles, edge]\nanswer: serverless\nfeedback: { serverless: Yes., edge: No. }\nsolution: S\n',
      'quizzes/mini.yaml: options[0]: Unknown option "serverles"; expected a catalog id ("container", "serverless", "managed-platform", "model-as-a-service", "edge") or an option with id, label and feedback. Did you mean "serverless"?\n' +
        'Fix: Use ids from src/data/deployment-options.yaml.',
    ],
    [
      'answer typo',
      base.replace('answer: edge', 'answer: egde'),
      'quizzes/mini.yaml: answer: Unknown option "egde"; expected one of "container", "serverless", "edge". Did you mean "edge"?\n' +
        'Fix: Set answer to an id listed under options.',
    ],
  ];
  test.each(rows)('%s', (_name, text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });
});

describe('misspelt kind', () => {
  test('reports the kind and that kind\'s problems', () => {
    const text = 'id: mini\nkind: freetext\ntitle: T\nprompt: P\noptions: [serverless, edge]\nanswer: servreless\nfeedback: { serverless: Yes., edge: No. }\nsolution: S\n';
    expect(errorOf(text)).toBe(
      'quizzes/mini.yaml: kind: Expected one of "single", "multiple", "scenario", "free-text", found "freetext". Did you mean "free-text"?\n' +
        'quizzes/mini.yaml: answer: Unknown option "servreless"; expected one of "serverless", "edge". Did you mean "serverless"?\n' +
        'Fix: Set kind to one of the kinds listed. Set answer to ids listed under options.',
    );
  });

  test('a far-off kind stops at the kind', () => {
    expect(errorOf(base.replace('kind: scenario', 'kind: essay'))).toMatch(/^quizzes\/mini.yaml: kind: .*found "essay"\nFix: Set kind/);
  });
});

describe('parseCheckpointFile errors', () => {
  test.each(rows)('%s', (_name, text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });

  test('id must match the file name', () => {
    expect(errorOf(base, 'quizzes/other.yaml')).toBe(
      'quizzes/other.yaml: id: Expected "other" to match the file name; found "mini"\nFix: Rename the file to mini.yaml or set id: other.',
    );
  });

  test('multiple answer must name options', () => {
    const text = `id: mini
kind: multiple
title: T
prompt: P
options:
  - { id: a, label: A, feedback: fa }
  - { id: b, label: B, feedback: fb }
answer: [a, c]
partialCredit: half
solution: S
`;
    expect(errorOf(text)).toBe(
      'quizzes/mini.yaml: partialCredit: Expected one of "all-or-nothing", "right-minus-wrong", found "half"\n' + schemaFix,
    );
    expect(errorOf(text.replace('half', 'all-or-nothing'))).toBe(
      'quizzes/mini.yaml: answer[1]: Unknown option "c"; expected one of "a", "b"\nFix: Set answer to ids listed under options.',
    );
  });

  test('free-text catalog option needs feedback', () => {
    const text = `id: mini
kind: free-text
title: T
prompt: P
options: [serverless, edge]
answer: edge
feedback: { edge: Right. }
solution: S
`;
    expect(errorOf(text)).toBe(
      'quizzes/mini.yaml: feedback.serverless: Missing feedback for catalog option "serverless"\nFix: Add feedback.serverless explaining that choice.',
    );
  });

  test('free-text synonyms reach authored options', () => {
    const text = `id: mini
kind: free-text
title: T
prompt: P
options:
  - { id: warm, label: Keep instances warm, feedback: Right., synonyms: [provisioned concurrency] }
  - { id: bigger, label: A bigger model, feedback: No. }
answer: warm
synonyms: { warm: [minimum instances] }
solution: S
`;
    const checkpoint = parseCheckpointFile(text, file, catalog);
    expect(checkpoint.options[0]?.synonyms).toEqual(['warm', 'Keep instances warm', 'provisioned concurrency', 'minimum instances']);
  });

  test('valid base parses', () => {
    expect(errorOf(base)).toBe('no error');
  });
});

describe('parseCheckpointFile result', () => {
  test('scenario key comes from the catalog', () => {
    const checkpoint = parseCheckpointFile(base, file, catalog);
    expect(checkpoint.answer).toEqual(['edge']);
    expect(checkpoint.options.map((option) => option.id)).toEqual(['container', 'serverless', 'edge']);
  });

  test('policy defaults apply', () => {
    const checkpoint = parseCheckpointFile(base, file, catalog);
    expect(checkpoint.policy).toEqual({
      maxAttempts: 3,
      decline: [1],
      hintsAfter: 1,
      revealSolution: 'after-pass-or-last-attempt',
      minSecondsBetween: 2,
      passScore: 1,
    });
  });

  test('keyVersion changes with feedback only', () => {
    const plain = parseCheckpointFile(base, file, catalog);
    const retitled = parseCheckpointFile(base.replace('title: Mini', 'title: Renamed'), file, catalog);
    const newFeedback = parseCheckpointFile(`${base}feedback: { edge: Also cheap. }\n`, file, catalog);
    expect(retitled.keyVersion).toBe(plain.keyVersion);
    expect(newFeedback.keyVersion).not.toBe(plain.keyVersion);
    expect(plain.keyVersion).toMatch(/^[0-9a-f]{64}$/);
  });

  test('authored feedback appends or replaces', () => {
    const appended = parseCheckpointFile(`${base}feedback: { serverless: Extra words. }\n`, file, catalog);
    const replaced = parseCheckpointFile(`${base}feedback: { serverless: { replace: Only this. } }\n`, file, catalog);
    const appendedLines = appended.options.find((option) => option.id === 'serverless')?.feedback ?? [];
    const replacedLines = replaced.options.find((option) => option.id === 'serverless')?.feedback ?? [];
    expect(appendedLines.length).toBe(5);
    expect(appendedLines.at(-1)?.message).toBe('Extra words.');
    expect(replacedLines).toEqual([{ kind: 'incorrect', optionId: 'serverless', message: 'Only this.' }]);
  });
});

describe('loadCheckpoints', () => {
  test('repository quizzes are valid', () => {
    expect(validateCheckpoints(repositoryRoot)).toEqual([]);
    expect([...loadCheckpoints(repositoryRoot).keys()].sort()).toEqual(['cold-starts', 'container-benefits', 'heart-rate', 'image-tags']);
  });

  test('lists every bad file in one error', () => {
    const root = mkdtempSync(join(tmpdir(), 'slipway-quizzes-'));
    mkdirSync(join(root, 'src', 'data'), { recursive: true });
    mkdirSync(join(root, 'quizzes'));
    writeFileSync(join(root, 'src', 'data', 'deployment-options.yaml'), readFileSync(join(repositoryRoot, 'src', 'data', 'deployment-options.yaml')));
    writeFileSync(join(root, 'quizzes', 'mini.yaml'), base.replace('answer: edge', 'answer: container'));
    writeFileSync(join(root, 'quizzes', 'other.yaml'), 'kind: poem\n');
    const errors = validateCheckpoints(root);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^quizzes\/mini\.yaml: answer: Declared answer "container"/);
    expect(errors[1]).toMatch(/^quizzes\/other\.yaml: kind: /);
    expect(() => loadCheckpoints(root)).toThrow(/quizzes\/mini\.yaml[\s\S]*quizzes\/other\.yaml/);
  });
});
