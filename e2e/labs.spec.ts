import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadLab } from '../src/lib/labs/definition/load.ts';
import { blockStackBlitz, editorText, expect, focusEditor, openLab, passedTasks, runCommand, test, typeFile } from './lab-helpers.ts';

test.describe.configure({ timeout: 180_000 });

/** Type every solution file into the editor (creating new ones from the terminal) and run the solution commands. */
async function solveByKeyboard(page: Page, id: string): Promise<void> {
  const lab = loadLab(id);
  for (const [path, text] of Object.entries(lab.solution)) {
    if ((await page.locator(`[role="treeitem"][data-path="${path}"]`).count()) === 0) await runCommand(page, `touch ${path}`);
    await typeFile(page, path, text);
  }
  for (const command of lab.solutionCommands) await runCommand(page, command);
}

for (const id of ['dockerfile-basics', 'image-versions']) {
  test(`${id} completes by keyboard and verifies`, async ({ page }) => {
    const lab = loadLab(id);
    await openLab(page, id);
    await expect(page.locator('[data-task-id]')).toHaveCount(lab.tasks.length);

    await solveByKeyboard(page, id);

    for (const task of lab.tasks) {
      await expect(page.locator(`[data-task-id="${task.id}"]`), `task ${task.id}`).toHaveAttribute('data-passed', 'true');
    }
    await expect(page.locator('[data-task-count]')).toHaveText(`${lab.tasks.length} of ${lab.tasks.length} done`);

    await page.getByRole('button', { name: 'Submit for verification' }).click();
    await expect(page.locator('[data-verify-result] [data-verified]')).toHaveAttribute('data-verified', 'true', { timeout: 30_000 });
    const verifiedAt = await page.locator('[data-verify-result] [data-verified-at]').getAttribute('data-verified-at');

    // The verdict and its time come back after a reload.
    await page.reload();
    await expect(page.locator('.lab')).toHaveAttribute('data-ready-editor', 'true', { timeout: 30_000 });
    await expect(page.locator('[data-verify-result] [data-verified]')).toHaveAttribute('data-verified', 'true');
    await expect(page.locator('[data-verify-result] [data-verified-at]')).toHaveAttribute('data-verified-at', verifiedAt ?? 'missing');
    await expect(page.locator('[data-verify-result]')).not.toContainText('Not submitted yet');
  });
}

test('editor edit between builds verifies on the server', async ({ page }) => {
  const lab = loadLab('dockerfile-basics');
  await openLab(page, 'dockerfile-basics');
  for (const [path, text] of Object.entries(lab.solution)) {
    if ((await page.locator(`[role="treeitem"][data-path="${path}"]`).count()) === 0) await runCommand(page, `touch ${path}`);
    await typeFile(page, path, text);
  }
  await runCommand(page, 'docker build -t heart-model:1.0 .');

  // The source change is made in the editor, not from the terminal.
  await page.locator('[role="treeitem"][data-path="app.py"]').click();
  await expect(page.locator('[data-editor-path]')).toHaveText('app.py');
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('SERVICE_VERSION = "1.0.1"\n');
  await expect(page.locator('[data-editor-saved]')).toHaveText('Saved', { timeout: 10_000 });
  await runCommand(page, 'docker build -t heart-model:1.0 .');
  await expect(page.locator('[data-task-id="rebuild-with-cache"]')).toHaveAttribute('data-passed', 'true');

  await runCommand(page, 'clear');
  await runCommand(page, 'docker images heart-model');
  const terminalId = /heart-model\s+1\.0\s+([0-9a-f]{12})/.exec(await page.locator('.xterm-rows').innerText())?.[1];
  expect(terminalId).toMatch(/^[0-9a-f]{12}$/);

  const response = page.waitForResponse((sent) => sent.url().endsWith('/api/labs/dockerfile-basics/verify') && sent.request().method() === 'POST');
  await page.getByRole('button', { name: 'Submit for verification' }).click();
  const verdict = (await (await response).json()) as { passedAll: boolean; tasks: Array<{ id: string; passed: boolean; detail: string }> };
  expect(verdict.tasks.find((task) => task.id === 'rebuild-with-cache')?.passed).toBe(true);
  expect(verdict.passedAll).toBe(true);
  expect(verdict.tasks.find((task) => task.id === 'build-image')?.detail).toContain(`(image ${terminalId ?? 'none'})`);
});

test('build output keeps the normal colour, errors are red', async ({ page }) => {
  await openLab(page, 'dockerfile-basics');
  await runCommand(page, 'docker build -t heart-model:1.0 .');
  await expect(page.locator('.xterm-rows')).toContainText('naming to docker.io/library/heart-model:1.0');

  // xterm's DOM renderer marks ANSI red (palette colour 1) with the class xterm-fg-1.
  const red = page.locator('.xterm-rows span.xterm-fg-1');
  await expect(red).toHaveCount(0);

  await runCommand(page, 'docker build -t BAD:Tag .');
  await expect(red.filter({ hasText: 'ERROR: invalid tag' })).not.toHaveCount(0);
});

test('reload mid-lab keeps files, open file, images and tasks', async ({ page }) => {
  await openLab(page, 'dockerfile-basics');
  const dockerfile = loadLab('dockerfile-basics').solution.Dockerfile ?? '';
  await typeFile(page, 'Dockerfile', dockerfile);
  await runCommand(page, 'docker build -t heart-model:1.0 .');
  await typeFile(page, 'requirements.txt', 'fastapi==0.115.0\n');
  await expect(page.locator('[data-task-id="build-image"]')).toHaveAttribute('data-passed', 'true');
  const passedBefore = await passedTasks(page);

  await page.reload();
  await expect(page.locator('.lab')).toHaveAttribute('data-ready-editor', 'true', { timeout: 30_000 });

  await expect(page.locator('[data-editor-path]')).toHaveText('requirements.txt');
  expect(await editorText(page)).toContain('fastapi==0.115.0');
  await expect(page.locator('[data-image-panel]')).toContainText('heart-model:1.0');
  await expect.poll(() => passedTasks(page)).toEqual(passedBefore);

  await page.locator('[role="treeitem"][data-path="Dockerfile"]').click();
  expect(await editorText(page)).toContain('FROM python:3.12-slim');

  // Arrow-up recalls the command from before the reload.
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('.xterm-rows')).toContainText('docker build -t heart-model:1.0 .');
});

test('reload right after a command or Reset keeps it', async ({ page }) => {
  await openLab(page, 'dockerfile-basics');
  await runCommand(page, 'docker build -t heart-model:1.0 .');

  // No waiting: the state must be in IndexedDB by the time the command counts as done.
  await page.reload();
  await expect(page.locator('.lab')).toHaveAttribute('data-ready-editor', 'true', { timeout: 30_000 });
  await expect(page.locator('[data-image-panel]')).toContainText('heart-model:1.0');
  await expect(page.locator('[data-task-id="build-image"]')).toHaveAttribute('data-passed', 'true');

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('dialog', { name: 'Reset the lab?' }).getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('button', { name: 'Undo Reset' })).toBeVisible();
  await page.reload();
  await expect(page.locator('.lab')).toHaveAttribute('data-ready-editor', 'true', { timeout: 30_000 });
  await expect(page.locator('[data-image-panel]')).toContainText('No images yet');
  await expect(page.getByRole('button', { name: 'Undo Reset' })).toBeVisible();
});

test('Reset asks first and Undo brings the work back', async ({ page }) => {
  await openLab(page, 'dockerfile-basics');
  await typeFile(page, 'Dockerfile', 'FROM python:3.12-slim\n');
  await expect(page.locator('[data-task-id="pin-base-image"]')).toHaveAttribute('data-passed', 'true');

  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('dialog', { name: 'Reset the lab?' }).getByRole('button', { name: 'Cancel' }).click();
  expect(await editorText(page)).toContain('FROM python:3.12-slim');

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.getByRole('dialog', { name: 'Reset the lab?' }).getByRole('button', { name: 'Reset' }).click();
  await expect(page.locator('[data-task-id="pin-base-image"]')).toHaveAttribute('data-passed', 'false');
  expect(await editorText(page)).toContain('FROM python:latest');

  await page.getByRole('button', { name: 'Undo Reset' }).click();
  await expect(page.locator('[data-task-id="pin-base-image"]')).toHaveAttribute('data-passed', 'true');
  expect(await editorText(page)).toContain('FROM python:3.12-slim');
  await expect(page.getByRole('button', { name: /^Undo/ })).toBeHidden();
});

test('Solve shows the diff first and can be undone', async ({ page }) => {
  const lab = loadLab('dockerfile-basics');
  await openLab(page, 'dockerfile-basics');

  await page.getByRole('button', { name: 'Solve' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply the solution?' });
  await expect(dialog.locator('[data-solve-diff]')).toContainText('Dockerfile (changed)');
  await expect(dialog.locator('[data-solve-diff] del', { hasText: 'FROM python:latest' })).toHaveCount(1);
  await expect(dialog.locator('[data-solve-diff] ins', { hasText: 'FROM python:3.12-slim' })).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Apply the solution' }).click();

  for (const task of lab.tasks) {
    await expect(page.locator(`[data-task-id="${task.id}"]`), `task ${task.id}`).toHaveAttribute('data-passed', 'true', { timeout: 30_000 });
  }

  await page.getByRole('button', { name: 'Undo Solve' }).click();
  await expect(page.locator('[data-task-id="pin-base-image"]')).toHaveAttribute('data-passed', 'false');
  await expect(page.locator('[data-task-id="build-image"]')).toHaveAttribute('data-passed', 'false');
  await page.locator('[role="treeitem"][data-path="Dockerfile"]').click();
  expect(await editorText(page)).toContain('FROM python:latest');
});

test('lint findings show as editor markers with the fix', async ({ page }) => {
  await openLab(page, 'dockerfile-basics');
  await expect(page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first()).toBeVisible({ timeout: 10_000 });
  // The squiggle sits under the text layer, so move the mouse to its box rather than hovering the element.
  const box = await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().boundingBox();
  expect(box).not.toBeNull();
  await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Fix:' }).first()).toBeVisible();
});

test('keyboard alone reaches the panels, runs a command and opens a hint', async ({ page }) => {
  await openLab(page, 'dockerfile-basics');
  await page.locator('.lab-header__title').click();

  // Tab into the editor; by default Tab moves on without typing into the file, so the editor is no trap.
  const focusedIn = (selector: string) => page.evaluate((css) => document.activeElement?.closest(css) !== null, selector);
  const before = await editorText(page);
  let inEditor = false;
  for (let stop = 0; stop < 40 && !inEditor; stop += 1) {
    await page.keyboard.press('Tab');
    inEditor = await focusedIn('.monaco-editor');
  }
  expect(inEditor).toBe(true);
  const ring = await page.locator('[data-editor-host]').evaluate((element) => getComputedStyle(element, '::after').borderTopWidth);
  expect(ring).toBe('3px');
  await page.keyboard.press('Tab');
  expect(await focusedIn('.monaco-editor')).toBe(false);
  expect(await editorText(page)).toBe(before);

  // Escape also releases the editor to its panel.
  await focusEditor(page);
  await page.keyboard.press('Escape');
  await expect(page.locator('#lab-editor')).toBeFocused();

  let reachedTerminal = false;
  for (let stop = 0; stop < 10 && !reachedTerminal; stop += 1) {
    await page.keyboard.press('Tab');
    reachedTerminal = await page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea') ?? false);
  }
  expect(reachedTerminal).toBe(true);
  const commandsBefore = Number((await page.locator('.lab').getAttribute('data-commands-run')) ?? '0');
  await page.keyboard.type('ls');
  await page.keyboard.press('Enter');
  await expect(page.locator('.lab')).toHaveAttribute('data-commands-run', String(commandsBefore + 1));
  await expect(page.locator('.xterm-rows')).toContainText('requirements.txt');

  // Escape releases the terminal; Tab then moves on to the next panel.
  await page.keyboard.press('Escape');
  await expect(page.locator('#lab-terminal')).toBeFocused();
  let hint = false;
  for (let stop = 0; stop < 20 && !hint; stop += 1) {
    await page.keyboard.press('Tab');
    hint = await page.evaluate(() => document.activeElement?.hasAttribute('data-hint-toggle') ?? false);
  }
  expect(hint).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-task-id="pin-base-image"] .lab-task__hint')).toBeVisible();

  // A splitter moves with the arrow keys.
  const splitter = page.getByRole('separator', { name: 'Resize the file tree' });
  await splitter.focus();
  const start = Number(await splitter.getAttribute('aria-valuenow'));
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(start + 2));
});

test('Tab key setting switches and persists', async ({ page }) => {
  await openLab(page, 'dockerfile-basics');
  const toggle = page.locator('[data-tab-toggle]');
  await expect(toggle).toHaveText('Tab key: moves focus');
  await toggle.click();
  await expect(toggle).toHaveText('Tab key: inserts tab');

  // Now Tab indents inside the file.
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true);
  // The model applies the keystroke asynchronously, so poll for the indented line.
  await expect
    .poll(async () => {
      const text = await editorText(page);
      return text.startsWith('    FROM') || text.startsWith('\tFROM');
    })
    .toBe(true);

  await page.reload();
  await expect(page.locator('.lab')).toHaveAttribute('data-ready-editor', 'true', { timeout: 30_000 });
  await expect(toggle).toHaveText('Tab key: inserts tab');
  expect(await page.evaluate(() => localStorage.getItem('slipway:editor-tab'))).toBe('indent');
});

test('splitter drags with the pointer', async ({ page }) => {
  await openLab(page, 'dockerfile-basics');
  const splitter = page.getByRole('separator', { name: 'Resize the tasks and images panel' });
  const start = Number(await splitter.getAttribute('aria-valuenow'));
  const widthOf = () => page.locator('#lab-side').evaluate((element) => element.getBoundingClientRect().width);
  const widthBefore = await widthOf();
  const box = await splitter.boundingBox();
  expect(box).not.toBeNull();

  // Dragging the handle left widens the panel on its right.
  const x = (box?.x ?? 0) + (box?.width ?? 0) / 2;
  const y = (box?.y ?? 0) + (box?.height ?? 0) / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 120, y, { steps: 5 });
  await page.mouse.up();
  expect(Number(await splitter.getAttribute('aria-valuenow'))).toBeGreaterThan(start);
  expect(await widthOf()).toBeGreaterThan(widthBefore + 100);
});

test('terminal completes with Tab and cancels a line with Ctrl-C', async ({ page }) => {
  await openLab(page, 'dockerfile-basics');
  const rows = page.locator('.xterm-rows');
  const before = Number((await page.locator('.lab').getAttribute('data-commands-run')) ?? '0');

  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('echo typed-then-cancelled');
  await page.keyboard.press('Control+C');
  await expect(rows).toContainText('echo typed-then-cancelled^C');

  await page.keyboard.type('cat requir');
  await page.keyboard.press('Tab');
  await expect(rows).toContainText('cat requirements.txt');
  await page.keyboard.press('Enter');
  await expect(page.locator('.lab')).toHaveAttribute('data-commands-run', String(before + 1));
  await expect(rows).toContainText('fastapi');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea'))).toBe(true);

  // Tab completes the word at the cursor, not the end of the line, and leaves the cursor after it.
  await page.keyboard.type('cat requir | wc -l');
  for (let step = 0; step < ' | wc -l'.length; step += 1) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Tab');
  await expect(rows).toContainText('cat requirements.txt | wc -l');
  await page.keyboard.type(' app.py');
  await expect(rows).toContainText('cat requirements.txt app.py | wc -l');
  await page.keyboard.press('Enter');
  await expect(page.locator('.lab')).toHaveAttribute('data-commands-run', String(before + 2));
});

const axeCases = [
  ['dockerfile-basics', 375, 'light'],
  ['dockerfile-basics', 1280, 'light'],
  ['dockerfile-basics', 1280, 'dark'],
  ['image-versions', 375, 'light'],
  ['image-versions', 1280, 'dark'],
] as const;
for (const [id, width, colorScheme] of axeCases) {
  test(`${id} axe-clean at ${width} px, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: 900 });
    await openLab(page, id);
    // Monaco colours its tokens after the tokenizer runs; wait for a coloured span in the editor.
    await expect(page.locator('.monaco-editor .view-lines span[class^="mtk"]').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.dataset.theme ?? 'light')).toBe(colorScheme);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`lab-${id}-${width}-${colorScheme}.png`), fullPage: width === 375 });
  });
}

test('isolation headers on lab pages only', async ({ page, request }) => {
  const lab = await request.get('/labs/dockerfile-basics/');
  expect(lab.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(lab.headers()['cross-origin-embedder-policy']).toBe('require-corp');

  const lesson = await request.get('/lessons/dockerfile-for-a-model-server/');
  expect(lesson.status()).toBe(200);
  expect(lesson.headers()['cross-origin-opener-policy']).toBeUndefined();
  expect(lesson.headers()['cross-origin-embedder-policy']).toBeUndefined();

  await blockStackBlitz(page);
  const loaded: string[] = [];
  page.on('request', (sent) => loaded.push(sent.url()));
  await page.goto('/lessons/dockerfile-for-a-model-server/');
  await page.waitForLoadState('networkidle');
  expect(loaded.filter((url) => /monaco|xterm|editor\.api|terminal|codicon/i.test(url))).toEqual([]);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
});
