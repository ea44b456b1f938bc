import type { LabSnapshot } from '../../lib/labs/persistence/index.ts';
import { learnerFiles } from '../../lib/labs/runtime/inpage.ts';
import { LAB_ROOT } from '../../lib/labs/shell/layout.ts';
import { compactJournal } from '../../lib/labs/verify/journal.ts';
import { diffSolution, type DiffPart, type FileChange } from './file-diff.ts';
import type { InPageLab } from './inpage-lab.ts';
import { fetchLatestVerification, renderVerifyResult, submitForVerification } from './submit.ts';

/** Element and line prefix that show each kind of diff part in the Solve preview. */
const diffPartStyle: Record<DiffPart['kind'], { tag: 'ins' | 'del' | 'span'; marker: string }> = {
  added: { tag: 'ins', marker: '+ ' },
  removed: { tag: 'del', marker: '- ' },
  same: { tag: 'span', marker: '  ' },
};

/** Wire Reset, Solve, Undo and Submit. Reset and Solve ask first and keep the replaced state for Undo. */
export function setUpLabActions(root: HTMLElement, lab: InPageLab, starter: LabSnapshot): void {
  const button = (name: string): HTMLButtonElement | null => root.querySelector<HTMLButtonElement>(`[data-action="${name}"]`);
  const status = root.querySelector<HTMLElement>('[data-lab-status]');
  const undoButton = button('undo');

  const say = (text: string): void => {
    if (status !== null) status.textContent = text;
  };
  const showUndo = (): void => {
    if (undoButton === null) return;
    undoButton.hidden = lab.undo === null;
    undoButton.textContent = lab.undo?.action === 'solve' ? 'Undo Solve' : 'Undo Reset';
  };
  showUndo();

  button('reset')?.addEventListener('click', async () => {
    if ((await ask(root, 'reset')) !== 'confirm') return;
    lab.undo = { action: 'reset', snapshot: lab.snapshot() };
    await lab.restore(starter);
    lab.terminal.notice('The lab was reset to its starter files. Undo Reset brings your work back.');
    showUndo();
    say('Lab reset. Undo Reset restores your files, images and history.');
  });

  button('solve')?.addEventListener('click', async () => {
    const current = learnerFiles(lab.runtime.fs.snapshot());
    const changes = diffSolution(current, lab.lab.solution);
    const diffBox = root.querySelector<HTMLElement>('[data-solve-diff]');
    if (diffBox !== null) renderDiff(diffBox, changes, lab.lab.solutionCommands);
    if ((await ask(root, 'solve')) !== 'confirm') return;

    lab.undo = { action: 'solve', snapshot: lab.snapshot() };
    for (const [path, text] of Object.entries(lab.lab.solution)) await lab.runtime.fs.writeFile(`${LAB_ROOT}/${path}`, text);
    await lab.syncFromDisk();
    for (const command of lab.lab.solutionCommands) await lab.terminal.run(command);
    await lab.settle();
    showUndo();
    say('Solution applied. Undo Solve restores your own work.');
  });

  undoButton?.addEventListener('click', async () => {
    const undo = lab.undo;
    if (undo === null) return;
    lab.undo = null;
    await lab.restore(undo.snapshot);
    lab.terminal.notice(undo.action === 'solve' ? 'Solve was undone.' : 'Reset was undone.');
    showUndo();
    say(undo.action === 'solve' ? 'Solve undone: your files are back.' : 'Reset undone: your work is back.');
  });

  const titles = new Map(lab.lab.tasks.map((task) => [task.id, task.title]));
  const resultBox = root.querySelector<HTMLElement>('[data-verify-result]');
  if (resultBox !== null && lab.verification !== undefined) renderVerifyResult(resultBox, lab.verification.result, titles, new Date(lab.verification.verifiedAt));

  // Without a verdict in IndexedDB (another lab state, cleared site data), ask the server for the latest one it stored.
  if (resultBox !== null && lab.verification === undefined) {
    void fetchLatestVerification(lab.lab.id).then((latest) => {
      if (latest === null || lab.verification !== undefined) return;
      renderVerifyResult(resultBox, latest.result, titles, latest.verifiedAt);
    });
  }

  const submit = button('submit');
  submit?.addEventListener('click', async () => {
    const result = root.querySelector<HTMLElement>('[data-verify-result]');
    submit.disabled = true;
    say('Sending your commands and files to the server for verification…');
    try {
      await lab.settle();
      const files = learnerFiles(lab.runtime.fs.snapshot());
      const verdict = await submitForVerification(lab.lab.id, compactJournal(lab.journal().entries), files);
      lab.verification = { result: verdict, verifiedAt: Date.now() };
      await lab.saveNow();
      if (result !== null) renderVerifyResult(result, verdict, titles, new Date(lab.verification.verifiedAt));
      say(verdict.passedAll ? 'The server verified every task.' : 'The server checked your work: some tasks are not done yet.');
    } catch (error) {
      say(`Verification failed: ${error instanceof Error ? error.message : String(error)}. Try again in a moment.`);
    } finally {
      submit.disabled = false;
    }
  });
}

/** Open a confirmation dialog and resolve to the button value that closed it (`confirm` or `cancel`). */
function ask(root: HTMLElement, name: 'reset' | 'solve'): Promise<string> {
  const dialog = root.querySelector<HTMLDialogElement>(`[data-dialog="${name}"]`);
  if (dialog === null) return Promise.resolve('cancel');
  dialog.returnValue = 'cancel';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue), { once: true });
    dialog.showModal();
  });
}

/** Show the solution's changes as a line diff per file, plus the commands Solve runs. */
function renderDiff(container: HTMLElement, changes: readonly FileChange[], commands: readonly string[]): void {
  container.replaceChildren();
  if (changes.length === 0) {
    const same = document.createElement('p');
    same.textContent = 'Your files already match the solution.';
    container.append(same);
  }
  for (const change of changes) {
    const heading = document.createElement('h3');
    heading.textContent = `${change.path} (${change.status === 'added' ? 'new file' : 'changed'})`;
    const pre = document.createElement('pre');
    for (const part of change.parts) {
      const { tag, marker } = diffPartStyle[part.kind];
      const element = document.createElement(tag);
      element.textContent = part.text.replace(/\n$/, '').split('\n').map((line) => `${marker}${line}`).join('\n') + '\n';
      if (part.kind === 'same') element.style.display = 'block';
      pre.append(element);
    }
    container.append(heading, pre);
  }
  if (commands.length > 0) {
    const heading = document.createElement('h3');
    heading.textContent = 'Then these commands run in the terminal';
    const pre = document.createElement('pre');
    pre.textContent = commands.map((command) => `$ ${command}`).join('\n');
    container.append(heading, pre);
  }
}
