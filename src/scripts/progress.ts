import { lastLessonKey, readCompleted, readLastLesson, setCompleted, writeJson } from './progress-store.ts';

/** Shows each lesson link's completion mark from the stored progress. */
function renderMarks(completed: Set<string>): void {
  for (const item of document.querySelectorAll<HTMLElement>('[data-lesson-item]')) {
    const done = completed.has(item.dataset.slug ?? '');
    item.dataset.complete = String(done);
    const mark = item.querySelector<HTMLElement>('[data-completion]');
    if (mark !== null) mark.textContent = done ? '(completed)' : '';
  }

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-mark-complete]')) {
    button.setAttribute('aria-pressed', String(completed.has(button.dataset.slug ?? '')));
  }

  for (const summary of document.querySelectorAll<HTMLElement>('[data-progress-summary]')) {
    const total = Number(summary.dataset.total ?? 0);
    const slugs = (summary.dataset.slugs ?? '').split(' ');
    const done = slugs.filter((slug) => completed.has(slug)).length;
    summary.textContent = `${done} of ${total} lessons complete`;
  }
}

/** Fills the home page's "Continue where you left off" link from the last lesson opened and hides "Start with lesson 1". */
function renderContinue(): void {
  const last = readLastLesson();
  for (const container of document.querySelectorAll<HTMLElement>('[data-continue]')) {
    const link = container.querySelector<HTMLAnchorElement>('a');
    const known = (container.dataset.slugs ?? '').split(' ').includes(last?.slug ?? '');
    if (last === undefined || link === null || !known) continue;
    link.href = `/lessons/${last.slug}/`;
    link.textContent = `Continue where you left off: ${last.title}`;
    container.hidden = false;

    // A returning learner gets one primary action, not two competing ones.
    for (const start of document.querySelectorAll<HTMLElement>('[data-start]')) start.hidden = true;
  }
}

/** Renders stored progress on the page and wires the "Mark complete" buttons. */
export function renderProgress(): void {
  const current = document.querySelector<HTMLElement>('[data-current-lesson]');
  if (current?.dataset.slug !== undefined) {
    writeJson(lastLessonKey, { slug: current.dataset.slug, title: current.dataset.title ?? current.dataset.slug });
  }

  renderMarks(readCompleted());
  renderContinue();

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-mark-complete]')) {
    button.addEventListener('click', () => {
      const slug = button.dataset.slug ?? '';
      const pressed = button.getAttribute('aria-pressed') === 'true';
      renderMarks(setCompleted(slug, !pressed));
    });
  }
}
