import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// The lesson that mounts <Checkpoint id="heart-rate" />.
const lessonPath = '/lessons/heart-rate-checkpoint/';

test('learner answers wrong, then right, and sees the result on return', async ({ page }) => {
  await page.goto(lessonPath);
  const checkpoint = page.locator('section.checkpoint[data-checkpoint-id="heart-rate"]');
  const result = checkpoint.locator('[aria-live="polite"]');
  const submit = checkpoint.getByRole('button', { name: 'Submit answer' });
  await expect(checkpoint.getByRole('heading', { name: 'Where should the heart-rate model run?' })).toBeVisible();

  // Submitting nothing explains what is missing and costs no attempt.
  await submit.click();
  await expect(result).toContainText('Choose an answer before submitting.');

  // Reasons give feedback only on this checkpoint, and the legend says so.
  await expect(checkpoint.getByRole('group', { name: /Which constraints drove your choice\? \(optional, for feedback\)/ })).toBeVisible();

  // The grader takes an option or free text: typing clears the option, choosing an option clears the text.
  const serverless = checkpoint.getByLabel('Serverless functions');
  const ownWords = checkpoint.getByLabel('Or answer in your own words');
  const status = checkpoint.locator('[data-answer-status]');
  await serverless.check();
  await ownWords.focus();
  await page.keyboard.type('on the phone');
  await expect(serverless).not.toBeChecked();
  await expect(status).toHaveText(/Cleared the option you chose/);
  await expect(status).toHaveAttribute('role', 'status');
  await serverless.focus();
  await page.keyboard.press('Space');
  await expect(serverless).toBeChecked();
  await expect(ownWords).toHaveValue('');
  await expect(status).toHaveText(/Cleared your own-words answer/);

  await submit.click();
  await expect(result).toContainText('Not quite. Attempt 1 of 3');
  await expect(result).toContainText('cold starts');
  await expect(result.getByText('Hint', { exact: true })).toBeVisible();
  await expect(checkpoint.getByText('Attempt 1 of 3', { exact: true })).toBeVisible();

  // The checkpoint requires 2 s between graded answers, and the button is aria-disabled until then.
  await expect(submit).not.toHaveAttribute('aria-disabled', 'true', { timeout: 5_000 });

  // Answer with the keyboard only: focus the option, select it with Space, submit with Enter.
  await checkpoint.getByLabel('Edge / on-device').focus();
  await page.keyboard.press('Space');
  await checkpoint.getByLabel('The app must work with no internet connection').focus();
  await page.keyboard.press('Space');
  await submit.focus();
  await page.keyboard.press('Enter');
  await expect(result).toContainText('Correct. Attempt 2 of 3');
  await expect(result.getByText('Solution', { exact: true })).toBeVisible();
  await expect(result).toContainText('LiteRT');

  await page.reload();
  await expect(checkpoint.locator('[aria-live="polite"]')).toContainText('Your best result:');
  await expect(checkpoint.locator('[aria-live="polite"]')).toContainText('passed');
  await expect(checkpoint.getByText('Attempt 2 of 3', { exact: true })).toBeVisible();
});

test('checkpoint has no axe violations with feedback shown', async ({ page }) => {
  await page.goto(lessonPath);
  const checkpoint = page.locator('section.checkpoint[data-checkpoint-id="heart-rate"]');
  await checkpoint.getByLabel('Container (Docker + Kubernetes)').check();
  await checkpoint.getByRole('button', { name: 'Submit answer' }).click();
  await expect(checkpoint.locator('[aria-live="polite"]')).toContainText('Not quite');

  const scan = await new AxeBuilder({ page }).include('section.checkpoint').analyze();
  expect(scan.violations.map((violation) => violation.id)).toEqual([]);
});

test('checkpoint fits a 375 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/checkpoints/heart-rate/');
  const checkpoint = page.locator('section.checkpoint');
  await expect(checkpoint).toBeVisible();

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('retry after network error reuses submissionId', async ({ page }) => {
  await page.goto('/checkpoints/heart-rate/');
  const checkpoint = page.locator('section.checkpoint');
  const result = checkpoint.locator('[aria-live="polite"]');
  const submit = checkpoint.getByRole('button', { name: 'Submit answer' });

  // Drop the first POST as if the network failed, then let the retry through.
  const sent: string[] = [];
  await page.route('**/api/checkpoints/heart-rate/submissions', async (route) => {
    sent.push((route.request().postDataJSON() as { submissionId: string }).submissionId);
    if (sent.length === 1) await route.abort('failed');
    else await route.continue();
  });

  await checkpoint.getByLabel('Edge / on-device').check();
  await submit.click();
  await expect(result).toContainText('could not be reached');
  await submit.click();
  await expect(result).toContainText('Correct. Attempt 1 of 3');

  expect(sent).toHaveLength(2);
  expect(sent[1]).toBe(sent[0]);
});
