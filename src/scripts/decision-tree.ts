import { recommend, type Reason, type Recommendation } from '../lib/catalog/recommend.ts';
import { countAnswered, questions, sanitizeAnswers, type Answers } from '../lib/catalog/questions.ts';
import type { Catalog } from '../lib/catalog/schema.ts';
import { readJson, writeJson } from './progress-store.ts';

/** Storage key of the decision tree's answers: `{"latency": "under-50ms", ...}`. */
export const decisionTreeKey = 'slipway:decision-tree';

const reasonPrefix: Record<Reason['kind'], string> = { pro: 'For: ', con: 'Against: ', info: '' };

/** Creates an element with text content. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

/** Builds a list of reasons; the For/Against prefix is visually hidden but read by screen readers. */
function reasonList(reasons: Reason[]): HTMLUListElement {
  const list = element('ul', undefined, 'reasons');
  for (const reason of reasons) {
    const item = element('li', undefined, `reason--${reason.kind}`);
    if (reasonPrefix[reason.kind] !== '') item.append(element('span', reasonPrefix[reason.kind], 'visually-hidden'));
    item.append(reason.text);
    list.append(item);
  }
  return list;
}

/** Renders the recommendation, the other fitting options and the ruled-out ones. */
function renderResult(container: HTMLElement, result: Recommendation, answered: number): void {
  const [best, ...others] = result.ranked;
  const nodes: Node[] = [];

  if (best === undefined) {
    nodes.push(element('h3', 'No option fits every answer'));
    nodes.push(element('p', 'Relax one of the constraints below to see a recommendation.'));
  } else {
    const lead = answered === 0 ? 'With no answers yet, start from: ' : 'Recommendation: ';
    nodes.push(element('h3', `${lead}${best.option.name}`));
    nodes.push(element('p', `Examples: ${best.option.examples.join(', ')}.`));
    nodes.push(reasonList(best.reasons));
  }

  if (others.length > 0) {
    nodes.push(element('h4', 'Other options that fit'));
    const list = element('ol');
    for (const other of others) {
      const item = element('li');
      item.append(element('strong', other.option.name));
      item.append(reasonList(other.reasons.filter((reason) => reason.kind !== 'info')));
      list.append(item);
    }
    nodes.push(list);
  }

  if (result.rejected.length > 0) {
    nodes.push(element('h4', 'Ruled out'));
    const list = element('ul');
    for (const rejected of result.rejected) {
      const item = element('li');
      item.append(element('strong', `${rejected.option.name}: `));
      item.append(rejected.violations.map((violation) => violation.message).join(' '));
      list.append(item);
    }
    nodes.push(list);
  }

  container.replaceChildren(...nodes);
}

/** Reads the checked choice of every question in the form. */
function readForm(form: HTMLFormElement): Answers {
  const values: Record<string, string> = {};
  for (const question of questions) {
    const checked = form.querySelector<HTMLInputElement>(`input[name="${question.id}"]:checked`);
    if (checked !== null) values[question.id] = checked.value;
  }
  return sanitizeAnswers(values);
}

/** Wires one decision tree: restores stored answers, then re-renders on every change. */
function setUpDecisionTree(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-decision-form]');
  const status = root.querySelector<HTMLElement>('[data-decision-status]');
  const result = root.querySelector<HTMLElement>('[data-decision-result]');
  const announce = root.querySelector<HTMLElement>('[data-decision-announce]');
  const data = root.querySelector<HTMLScriptElement>('[data-decision-catalog]');
  if (form === null || status === null || result === null || announce === null || data === null) return;
  const catalog = JSON.parse(data.textContent ?? '[]') as Catalog;

  // Only the status and a one-line summary are live regions. A screen reader
  // then announces the new recommendation, not every reason under it.
  const update = (answers: Answers, announceChange: boolean): void => {
    const answered = countAnswered(answers);
    const recommendation = recommend(catalog, answers);
    status.textContent = `${answered} / ${questions.length} answered`;
    renderResult(result, recommendation, answered);
    if (announceChange) {
      const best = recommendation.ranked[0];
      announce.textContent = best === undefined ? 'No option fits every answer.' : `Recommendation: ${best.option.name}.`;
    }
  };

  const stored = sanitizeAnswers(readJson(decisionTreeKey));
  for (const [id, value] of Object.entries(stored)) {
    const input = form.querySelector<HTMLInputElement>(`input[name="${id}"][value="${value}"]`);
    if (input !== null) input.checked = true;
  }
  update(stored, false);

  form.addEventListener('change', () => {
    const answers = readForm(form);
    writeJson(decisionTreeKey, answers);
    update(answers, true);
  });

  // The reset event fires before the inputs clear, so read the form afterwards.
  form.addEventListener('reset', () => {
    setTimeout(() => {
      writeJson(decisionTreeKey, {});
      update({}, true);
    });
  });
}

/** Wires every decision tree on the page. */
export function setUpDecisionTrees(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-decision-tree]')) setUpDecisionTree(root);
}
