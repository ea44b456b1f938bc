/** Result of one task's check. */
export type TaskState = { passed: boolean; detail: string };

/** Show each task's state: green with "Done" when its check passes, and the check's detail. */
export function renderTaskStates(section: HTMLElement, states: Readonly<Record<string, TaskState>>): void {
  let done = 0;
  const items = section.querySelectorAll<HTMLElement>('[data-task-id]');

  for (const item of items) {
    const state = states[item.dataset.taskId ?? ''];
    const passed = state?.passed ?? false;
    if (passed) done += 1;

    item.dataset.passed = String(passed);
    const label = item.querySelector('[data-task-state]');
    if (label !== null) label.textContent = passed ? 'Done' : 'Not done';
    const detail = item.querySelector('[data-task-detail]');
    if (detail !== null) detail.textContent = passed ? '' : (state?.detail ?? '');
  }

  const count = section.querySelector('[data-task-count]');
  if (count !== null) count.textContent = `${done} of ${items.length} done`;
}

/** Make each "Show hint" button a disclosure for its hint. */
export function setUpHints(section: HTMLElement): void {
  for (const button of section.querySelectorAll<HTMLButtonElement>('[data-hint-toggle]')) {
    button.addEventListener('click', () => {
      const hint = document.getElementById(button.getAttribute('aria-controls') ?? '');
      if (hint === null) return;
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? 'Hide hint' : 'Show hint';
      hint.hidden = !open;
    });
  }
}
