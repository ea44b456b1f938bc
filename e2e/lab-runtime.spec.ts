import { blockStackBlitz, expect, openLab, runCommand, test } from './lab-helpers.ts';

test.describe.configure({ timeout: 90_000 });

test('forced WebContainer falls back to in-page with the reason', async ({ page }) => {
  await blockStackBlitz(page);
  await page.goto('/labs/dockerfile-basics/?runtime=webcontainer');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  // The blocked boot either fails at once or hits the 20 s limit.
  const badge = page.locator('[data-runtime-badge]');
  await expect(badge).toHaveText(/^In-page runtime: WebContainer could not start: boot (failed: .+|timed out after 20 s)$/, { timeout: 40_000 });
  await expect(page.locator('.lab')).toHaveAttribute('data-ready-terminal', 'true');
  await expect(page.locator('.lab')).toHaveAttribute('data-runtime', 'inpage');
});

test('automatic runtime gives a prompt at once', async ({ page }) => {
  await blockStackBlitz(page);
  await page.goto('/labs/dockerfile-basics/');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  // The in-page runtime starts without waiting for WebContainer, whose boot is blocked here.
  await expect(page.locator('.lab')).toHaveAttribute('data-ready-terminal', 'true', { timeout: 5_000 });
  await expect(page.locator('.lab')).toHaveAttribute('data-runtime', 'inpage');
  const badge = page.locator('[data-runtime-badge]');
  await expect(badge).toHaveText(/^In-page runtime(; trying WebContainer in the background…|: WebContainer could not start: .+)$/);
  await runCommand(page, 'ls');
  await expect(page.locator('.xterm-rows')).toContainText('requirements.txt');

  // The background boot ends with its reason, and no switch is offered.
  await expect(badge).toHaveText(/^In-page runtime: WebContainer could not start: boot (failed: .+|timed out after 20 s)$/, { timeout: 40_000 });
  await expect(page.getByRole('button', { name: 'Switch to WebContainer' })).toBeHidden();
});

test('query forces the in-page runtime and says so', async ({ page }) => {
  await openLab(page, 'dockerfile-basics');
  await expect(page.locator('[data-runtime-badge]')).toHaveText('In-page runtime: forced by ?runtime=inpage');
});

test('invalid runtime query is reported', async ({ page }) => {
  await openLab(page, 'dockerfile-basics', 'runtime=in-page');
  await expect(page.locator('[data-lab-status]')).toHaveText('Invalid ?runtime= value "in-page" ignored: expected one of auto, webcontainer, inpage.');
  await expect(page.locator('[data-runtime-badge]')).not.toContainText('forced');
});

test('runtime setting is stored and used', async ({ page }) => {
  await openLab(page, 'dockerfile-basics');
  await page.getByLabel('Runtime').selectOption('inpage');
  await page.waitForURL((url) => !url.search.includes('runtime='));
  await expect(page.locator('.lab')).toHaveAttribute('data-ready-terminal', 'true', { timeout: 30_000 });
  await expect(page.locator('[data-runtime-badge]')).toHaveText('In-page runtime: forced by the runtime setting');
  expect(await page.evaluate(() => localStorage.getItem('slipway:runtime'))).toBe('inpage');
  await expect(page.getByLabel('Runtime')).toHaveValue('inpage');
});
