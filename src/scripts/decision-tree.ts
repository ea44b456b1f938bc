import { groupReasons, recommend, type Reason, type Recommendation } from '../lib/catalog/recommend.ts';
import { countAnswered, questions, sanitizeAnswers, type Answers } from '../lib/catalog/questions.ts';
import type { Catalog } from '../lib/catalog/schema.ts';
import { readJson, writeJson } from './progress-store.ts';

/** Storage key of the decision tree's answers: `{"latency": "under-50ms", ...}`. */
export const decisionTreeKey = 'slipway:decision-tree';

/** Creates an element with text content. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

/** Builds a list of reasons, each marked by its kind (+, − or •) through CSS. */
function reasonList(reasons: readonly Reason[]): HTMLUListElement {
  const list = element('ul', undefined, 'reasons');
  for (const reason of reasons) list.append(element('li', reason.text, `reason--${reason.kind}`));
  return list;
}

/**
 * Builds an option's reasons, with its points against under a visible
 * "Trade-offs:" label. A fitting option passes every hard constraint, so those
 * points are costs to weigh, not reasons to rule it out.
 */
function reasonNodes(reasons: readonly Reason[], withContext: boolean): Node[] {
  const { fits, tradeOffs, context } = groupReasons(reasons);
  const nodes: Node[] = [];
  const shown = withContext ? [...fits, ...context] : fits;
  if (shown.length > 0) nodes.push(reasonList(shown));
  if (tradeOffs.length > 0) {
    nodes.push(element('p', 'Trade-offs:', 'reasons__label'));
    nodes.push(reasonList(tradeOffs));
  }
  return nodes;
}

/** Renders the recommendation, the other fitting options and the ruled-out ones. */
function renderResult(container: HTMLElement, result: Recommendation): void {
  const [best, ...others] = result.ranked;
  const nodes: Node[] = [];

  if (best === undefined) {
    nodes.push(element('h3', 'No option fits every answer'));
    nodes.push(element('p', 'Relax one of the constraints below to see a recommendation.'));
  } else {
    nodes.push(element('h3', `Recommendation: ${best.option.name}`));
    nodes.push(element('p', `Examples: ${best.option.examples.join(', ')}.`));
    nodes.push(...reasonNodes(best.reasons, true));
  }

  if (others.length > 0) {
    nodes.push(element('h4', 'Other options that fit'));
    const list = element('ol', undefined, 'decision-tree__others');
    for (const other of others) {
      const item = element('li');
      item.append(element('strong', other.option.name));
      item.append(...reasonNodes(other.reasons, false));
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

  // The server-rendered placeholder is the state with no answers; a copy is
  // kept so clearing the answers restores exactly what the page first showed.
  const placeholder = [...result.childNodes].map((node) => node.cloneNode(true));

  // Only the status and a one-line summary are live regions. A screen reader
  // then announces the new recommendation, not every reason under it.
  const update = (answers: Answers, announceChange: boolean): void => {
    const answered = countAnswered(answers);
    status.textContent = `${answered} / ${questions.length} answered`;

    if (answered === 0) {
      result.replaceChildren(...placeholder.map((node) => node.cloneNode(true)));
      announce.textContent = '';
      return;
    }

    const recommendation = recommend(catalog, answers);
    renderResult(result, recommendation);
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

  // The reset event fires before the browser unchecks the inputs, so the
  // update waits a task and then renders the empty set of answers.
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
