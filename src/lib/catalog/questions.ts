/**
 * The five questions of the deployment decision tree, each a closed set of
 * choices. Browser-safe: the decision tree island renders from this table.
 */
export const questions = [
  {
    id: 'latency',
    legend: 'What latency does each prediction need?',
    choices: [
      { value: 'under-50ms', label: 'Under 50 ms: real time, such as an alert from a sensor' },
      { value: 'under-100ms', label: 'About 100 ms: a person is waiting for the answer' },
      { value: 'seconds', label: 'A second or more is fine' },
    ],
  },
  {
    id: 'connectivity',
    legend: 'Does the model have reliable internet access where it is used?',
    choices: [
      { value: 'reliable', label: 'Yes, a reliable connection' },
      { value: 'unreliable', label: 'No: it must also work offline' },
    ],
  },
  {
    id: 'data',
    legend: 'May the input data leave the device or local environment?',
    choices: [
      { value: 'anywhere', label: 'Yes, even to a third-party provider' },
      { value: 'own-cloud', label: 'Only to our own cloud, never to a third party' },
      { value: 'device', label: 'No: it must stay on the device' },
    ],
  },
  {
    id: 'traffic',
    legend: 'What is the expected traffic pattern?',
    choices: [
      { value: 'steady-high', label: 'Steady and high' },
      { value: 'bursty', label: 'Bursty: quiet, then sudden peaks' },
      { value: 'rare', label: 'Rare: a few requests a day' },
      { value: 'batch', label: 'Batch: large jobs on a schedule' },
    ],
  },
  {
    id: 'maturity',
    legend: "How mature is the team's ML-ops practice?",
    choices: [
      { value: 'low', label: 'Early: nobody runs infrastructure for models yet' },
      { value: 'medium', label: 'Some: CI/CD and a cloud account, but no cluster experts' },
      { value: 'high', label: 'Mature: a platform team runs Kubernetes' },
    ],
  },
] as const;

type Question = (typeof questions)[number];
export type QuestionId = Question['id'];

/** The learner's answers; a missing key is an unanswered question. */
export type Answers = {
  [Q in Question as Q['id']]?: Q['choices'][number]['value'];
};

/** Keeps only known question ids and choice values, so stale stored answers cannot break the tree. */
export function sanitizeAnswers(input: unknown): Answers {
  const answers: Record<string, string> = {};
  if (typeof input !== 'object' || input === null) return answers;

  for (const question of questions) {
    const value = (input as Record<string, unknown>)[question.id];
    if (question.choices.some((choice) => choice.value === value)) answers[question.id] = value as string;
  }
  return answers as Answers;
}

/** Counts the answered questions. */
export function countAnswered(answers: Answers): number {
  return questions.filter((question) => answers[question.id] !== undefined).length;
}
