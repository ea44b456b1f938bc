import type { SubmissionResponse } from '../../lib/grading-service/response.ts';
import type { LearnerSummary } from '../../lib/grading-service/summary.ts';

/** localStorage key of the anonymous learner id shared by every checkpoint. */
const learnerKey = 'slipway:learnerId';

type Answer = { choice?: string; choices?: string[]; text?: string; reasons?: string[] };
type FeedbackLine = SubmissionResponse['feedback'][number];

/** Return this browser's learner id, creating and storing one on first use. */
function learnerId(): string {
  try {
    const stored = localStorage.getItem(learnerKey);
    if (stored !== null && /^[A-Za-z0-9_-]{1,128}$/.test(stored)) return stored;
    const created = crypto.randomUUID();
    localStorage.setItem(learnerKey, created);
    return created;
  } catch {
    // Storage can be blocked (private modes, strict settings): grade this page view anyway.
    return (window as { slipwayLearnerId?: string }).slipwayLearnerId ??= crypto.randomUUID();
  }
}

/** Create an element with a class and optional text. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Format a score in [0, 1] as a whole percentage. */
function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** Describe attempt usage, e.g. `Attempt 2 of 3` or `Attempt 2`. */
function attemptText(used: number, max: number | null): string {
  if (used === 0) return max === null ? 'Unlimited attempts' : `${max} attempts`;
  return max === null ? `Attempt ${used}` : `Attempt ${used} of ${max}`;
}

/** Append a titled list (hints) or paragraph (solution) to `parent`. */
function appendReleased(parent: HTMLElement, hints: string[] | undefined, solution: string | undefined): void {
  if (hints !== undefined && hints.length > 0) {
    parent.append(element('p', 'checkpoint-result__heading', hints.length === 1 ? 'Hint' : 'Hints'));
    const list = element('ul', 'checkpoint-result__box');
    for (const hint of hints) list.append(element('li', '', hint));
    parent.append(list);
  }
  if (solution !== undefined) {
    parent.append(element('p', 'checkpoint-result__heading', 'Solution'));
    parent.append(element('p', 'checkpoint-result__box', solution));
  }
}

/** Append feedback lines as a list. */
function appendFeedback(parent: HTMLElement, feedback: FeedbackLine[]): void {
  if (feedback.length === 0) return;
  const list = element('ul', 'checkpoint-result__feedback');
  for (const line of feedback) list.append(element('li', `checkpoint-result__feedback--${line.kind ?? 'info'}`, line.message));
  parent.append(list);
}

/** Wire one checkpoint section: load the learner's standing, then grade each submitted answer. */
class CheckpointView {
  readonly #section: HTMLElement;
  readonly #form: HTMLFormElement;
  readonly #result: HTMLElement;
  readonly #attempts: HTMLElement;
  readonly #button: HTMLButtonElement;
  readonly #id: string;
  readonly #maxAttempts: number | null;
  /** Seconds the server requires between graded answers (the checkpoint's policy). */
  readonly #minSecondsBetween: number;
  /** The try in flight or last failed on the network: resent with the same submissionId. */
  #pending: { submissionId: string; payload: string } | undefined;
  /** Time (ms since epoch) before which the server would answer 429. */
  #waitUntil = 0;
  #inFlight = false;
  /** True once a submission got a response, so a late standing does not overwrite it. */
  #answered = false;

  constructor(section: HTMLElement) {
    this.#section = section;
    this.#form = section.querySelector('form') as HTMLFormElement;
    this.#result = section.querySelector('[data-result]') as HTMLElement;
    this.#attempts = section.querySelector('[data-attempts]') as HTMLElement;
    this.#button = section.querySelector('button[type="submit"]') as HTMLButtonElement;
    this.#id = section.dataset.checkpointId ?? '';
    const max = section.dataset.maxAttempts ?? '';
    this.#maxAttempts = max === '' ? null : Number(max);
    this.#minSecondsBetween = Number(section.dataset.minSecondsBetween ?? '0');
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.#keepOneAnswerForm(section.querySelector('[data-answer-status]'));
  }

  /**
   * Keeps either an option or free text, never both, because the grader takes
   * one of them. Radio buttons cannot be unchecked by the learner, so typing
   * clears the option, and choosing an option clears the text. Each clearing
   * is announced through a status line for screen readers.
   */
  #keepOneAnswerForm(status: HTMLElement | null): void {
    const text = this.#form.querySelector<HTMLTextAreaElement>('textarea[name="text"]');
    const options = [...this.#form.querySelectorAll<HTMLInputElement>('input[name="choice"], input[name="choices"]')];
    if (text === null || options.length === 0) return;

    const announce = (message: string): void => {
      if (status !== null) status.textContent = message;
    };
    text.addEventListener('input', () => {
      const checked = options.filter((option) => option.checked);
      if (text.value.trim() === '' || checked.length === 0) return;
      for (const option of checked) option.checked = false;
      announce('Cleared the option you chose: your own words will be sent instead.');
    });
    for (const option of options) {
      option.addEventListener('change', () => {
        if (!option.checked || text.value.trim() === '') return;
        text.value = '';
        announce('Cleared your own-words answer: the option you chose will be sent instead.');
      });
    }
  }

  #url(suffix = ''): string {
    return `/api/checkpoints/${encodeURIComponent(this.#id)}${suffix}`;
  }

  /** Show the learner's best result and the feedback of their last graded answer. */
  async loadStanding(): Promise<void> {
    let summary: LearnerSummary;
    try {
      const response = await fetch(this.#url(`?learnerId=${encodeURIComponent(learnerId())}`));
      if (!response.ok) return;
      summary = ((await response.json()) as { learner: LearnerSummary }).learner;
    } catch {
      return;
    }
    if (this.#answered || (summary.attemptsUsed === 0 && summary.last === null)) return;

    this.#attempts.textContent = attemptText(summary.attemptsUsed, summary.maxAttempts);
    const box = element('div', '');
    const verdict = summary.passed ? 'passed' : 'not passed yet';
    box.append(element('p', 'checkpoint-result__summary', `Your best result: ${percent(summary.bestScore)}, ${verdict}.`));
    if (summary.last !== null) {
      box.append(element('p', '', `Your last answer scored ${percent(summary.last.score)}:`));
      appendFeedback(box, summary.last.feedback);
    }
    if (summary.locked) {
      box.append(element('p', '', 'This checkpoint is complete: further answers are practice and do not count.'));
    }
    appendReleased(box, summary.hints, summary.solution);
    this.#result.replaceChildren(box);
    if (summary.retryAfterSeconds > 0) this.#wait(summary.retryAfterSeconds);
  }

  /** Read the form into an answer, or return an error message when nothing was chosen. */
  #answer(): Answer | string {
    const data = new FormData(this.#form);
    const answer: Answer = {};
    const choice = data.get('choice');
    const choices = data.getAll('choices').map(String);
    const text = String(data.get('text') ?? '').trim();
    const reasons = data.getAll('reasons').map(String);
    if (typeof choice === 'string') answer.choice = choice;
    if (choices.length > 0) answer.choices = choices;
    if (text !== '') answer.text = text;
    const chose = answer.choice !== undefined || answer.choices !== undefined;
    if (!chose && answer.text === undefined) return 'Choose an answer before submitting.';
    // The grader takes an option or free text, never both, so say so before sending.
    if (chose && answer.text !== undefined) {
      return 'Choose an option or answer in your own words, not both: clear one of them.';
    }
    if (reasons.length > 0) answer.reasons = reasons;
    return answer;
  }

  /** Send the current answer and show the grade. */
  async submit(): Promise<void> {
    if (this.#inFlight) return;
    const waitSeconds = Math.ceil((this.#waitUntil - Date.now()) / 1000);
    if (waitSeconds > 0) {
      this.#showError(`Take a moment to read the feedback: you can answer again in ${waitSeconds} s.`);
      return;
    }
    const answer = this.#answer();
    if (typeof answer === 'string') {
      this.#showError(answer);
      (this.#form.querySelector('input, textarea') as HTMLElement | null)?.focus();
      return;
    }

    // A retry of the same answer after a network failure reuses its
    // submissionId, so the server grades it at most once.
    const payload = JSON.stringify(answer);
    if (this.#pending?.payload !== payload) this.#pending = { submissionId: crypto.randomUUID(), payload };
    const body = { learnerId: learnerId(), submissionId: this.#pending.submissionId, answer, client: 'web' };

    this.#inFlight = true;
    this.#section.setAttribute('aria-busy', 'true');
    let response: Response;
    try {
      response = await fetch(this.#url('/submissions'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch {
      this.#showError('The server could not be reached. Your answer was not graded yet: press Submit answer to retry.');
      return;
    } finally {
      this.#inFlight = false;
      this.#section.removeAttribute('aria-busy');
    }

    const data = (await response.json().catch(() => ({}))) as Partial<SubmissionResponse> & {
      error?: string;
      retryAfterSeconds?: number;
    };
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after') ?? data.retryAfterSeconds ?? 1);
      this.#showError(`Take a moment to read the feedback: you can answer again in ${seconds} s.`);
      this.#wait(seconds);
      return;
    }
    this.#pending = undefined;
    this.#answered = true;
    if (response.status !== 200 && response.status !== 201) {
      this.#showError(data.error ?? `The answer could not be graded (HTTP ${response.status}).`);
      return;
    }
    this.#showResult(data as SubmissionResponse);
    if (data.status === 'graded' && this.#minSecondsBetween > 0) this.#wait(this.#minSecondsBetween);
  }

  #showResult(result: SubmissionResponse): void {
    this.#attempts.textContent = attemptText(result.attemptsUsed, result.maxAttempts);
    const box = element('div', '');
    box.append(element('p', 'checkpoint-result__summary', this.#verdict(result)));
    appendFeedback(box, result.feedback);
    if (result.status === 'graded' && result.locked) {
      box.append(element('p', '', 'This checkpoint is complete: further answers are practice and do not count.'));
    }
    appendReleased(box, result.hints, result.solution);
    this.#result.replaceChildren(box);
  }

  /** Summarize a graded answer in one sentence. */
  #verdict(result: SubmissionResponse): string {
    if (result.status === 'invalid') return 'This answer could not be graded and did not use an attempt.';
    if (result.status === 'clarify') return 'Please clarify your answer. This did not use an attempt.';
    const outcome = result.passed ? 'Correct' : 'Not quite';
    const score = `score ${percent(result.score)}, best ${percent(result.bestScore)}`;
    if (result.attempt === null) return `${outcome} (practice, not counted): ${score}.`;
    return `${outcome}. ${attemptText(result.attemptsUsed, result.maxAttempts ?? this.#maxAttempts)}: ${score}.`;
  }

  #showError(message: string): void {
    const line = element('p', 'checkpoint-result__error', message);
    this.#result.replaceChildren(line);
  }

  /** Hold submissions for `seconds`. The button stays focusable (aria-disabled, not disabled). */
  #wait(seconds: number): void {
    this.#waitUntil = Date.now() + seconds * 1000;
    this.#button.setAttribute('aria-disabled', 'true');
    window.setTimeout(() => {
      if (Date.now() >= this.#waitUntil) this.#button.removeAttribute('aria-disabled');
    }, seconds * 1000);
  }

}

/** Wire every checkpoint on the page once. */
export function setUpCheckpoints(): void {
  for (const section of document.querySelectorAll<HTMLElement>('.checkpoint[data-checkpoint-id]')) {
    if (section.dataset.ready === 'true') continue;
    section.dataset.ready = 'true';
    void new CheckpointView(section).loadStanding();
  }
}
