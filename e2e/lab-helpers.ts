import { test as base, expect, type Page } from '@playwright/test';

/**
 * Playwright's test with two automatic guards for lab pages: every request to
 * a host other than 127.0.0.1 is aborted, so nothing leaves this machine, and
 * any uncaught page error (`pageerror`) fails the test after it ran.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      await page.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort('blockedbyclient'));
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}\n${error.stack ?? ''}`));
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Block every request to StackBlitz, so a WebContainer boot never leaves this machine. */
export async function blockStackBlitz(page: Page): Promise<void> {
  await page.route(/stackblitz|webcontainer-api|webcontainer\.io/, (route) => route.abort('blockedbyclient'));
}

/** Open a lab on the in-page runtime and wait until the prompt and the editor are ready. */
export async function openLab(page: Page, id: string, query = 'runtime=inpage'): Promise<void> {
  await blockStackBlitz(page);
  await page.goto(`/labs/${id}/?${query}`);
  await expect(page.locator('.lab')).toHaveAttribute('data-ready-terminal', 'true', { timeout: 30_000 });
  await expect(page.locator('.lab')).toHaveAttribute('data-ready-editor', 'true');
}

/** Type a command in the terminal, press Enter, and wait until its tasks and images are updated. */
export async function runCommand(page: Page, line: string): Promise<void> {
  const before = Number((await page.locator('.lab').getAttribute('data-commands-run')) ?? '0');
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect(page.locator('.lab')).toHaveAttribute('data-commands-run', String(before + 1), { timeout: 30_000 });
}

/** Open a file from the tree and replace its text by typing into Monaco. */
export async function typeFile(page: Page, path: string, text: string): Promise<void> {
  await page.locator(`[role="treeitem"][data-path="${path}"]`).click();
  await expect(page.locator('[data-editor-path]')).toHaveText(path);
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+A');
  // insertText types the whole text as one input, so Monaco's auto-closing of quotes and brackets does not double them.
  await page.keyboard.insertText(text);
  await expect(page.locator('[data-editor-saved]')).toHaveText('Saved', { timeout: 10_000 });
}

/** Focus Monaco's text input (an EditContext element in Chromium, a textarea elsewhere). */
export async function focusEditor(page: Page): Promise<void> {
  await page.locator('.monaco-editor .native-edit-context, .monaco-editor textarea.inputarea').first().focus();
}

/** Return the text Monaco shows for the open file (only the visible lines). */
export async function editorText(page: Page): Promise<string> {
  const text = await page.locator('.monaco-editor .view-lines').innerText();
  return text.replaceAll('\u00a0', ' ');
}

/** Return ids of tasks shown as done. */
export async function passedTasks(page: Page): Promise<string[]> {
  return page.locator('[data-task-id][data-passed="true"]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.taskId ?? ''));
}
