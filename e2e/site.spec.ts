import { expect, test, type Page } from '@playwright/test';

// The course's lessons in reading order.
const plannedSlugs = [
  'what-containers-give-you',
  'dockerfile-for-a-model-server',
  'image-versions-and-rollback',
  'five-deployment-options',
  'serverless-cold-starts',
  'choosing-a-deployment-option',
  'heart-rate-checkpoint',
];

const treePath = '/lessons/choosing-a-deployment-option/';

// Tests talk to the local server only. Lab pages try to boot a WebContainer
// from stackblitz.com, so every request to another origin is aborted.
test.beforeEach(async ({ context, baseURL }) => {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const local = url.startsWith(`${baseURL}/`) || url.startsWith('data:') || url.startsWith('blob:');
    return local ? route.continue() : route.abort();
  });
});

/** Presses Tab until the focused element matches `selector`, failing after `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 200): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector)) return;
  }
  throw new Error(`Focus never reached ${selector} after ${limit} Tab presses`);
}

test('home page lists every lesson with its duration', async ({ page }) => {
  await page.goto('/');
  const items = page.locator('[data-lesson-item]');

  await expect(items).toHaveCount(plannedSlugs.length);
  for (const [index, slug] of plannedSlugs.entries()) {
    await expect(items.nth(index).getByRole('link')).toHaveAttribute('href', `/lessons/${slug}/`);
    await expect(items.nth(index)).toContainText(/\d+ min/);
  }
});

test('lesson times include their lab', async ({ page }) => {
  await page.goto('/');
  const item = page.locator('.home__lessons [data-slug="image-versions-and-rollback"]');

  await expect(item.locator('.home__duration')).toHaveText(/^\d+ min \+ \d+ min lab$/);
  const [reading, lab] = ((await item.locator('.home__duration').textContent()) ?? '').match(/\d+/g)!.map(Number);
  await page.goto('/lessons/image-versions-and-rollback/');
  await expect(page.locator('.lesson__meta')).toHaveText(`About ${reading} min + ${lab} min lab`);
  await expect(page.locator('.lab-card__meta')).toContainText(`about ${lab} minutes`);
});

test('labs index is linked from header and home', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Labs' })).toHaveAttribute('href', '/labs/');
  await expect(page.getByRole('main').getByRole('link', { name: 'See all labs' })).toHaveAttribute('href', '/labs/');

  await page.goto('/lessons/what-containers-give-you/');
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Labs' }).click();
  await expect(page).toHaveURL(/\/labs\/$/);
  await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Labs' })).toHaveAttribute('aria-current', 'page');
});

test('favicon is linked and served', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('type', 'image/svg+xml');

  for (const [path, type] of [['/favicon.svg', 'image/svg+xml'], ['/favicon.ico', 'image/']] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toContain(type);
  }
});

test('visits every lesson by links only', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /^Start with lesson 1/ }).click();

  const visited: string[] = [];
  for (;;) {
    await expect(page.locator('h1')).toBeVisible();
    visited.push(new URL(page.url()).pathname);
    const next = page.getByRole('navigation', { name: 'Previous and next lesson' }).getByRole('link', { name: /^Next/ });
    if ((await next.count()) === 0) break;
    await next.click();
  }

  expect(visited).toEqual(plannedSlugs.map((slug) => `/lessons/${slug}/`));
});

test('sidebar marks the current lesson', async ({ page }) => {
  await page.goto('/lessons/serverless-cold-starts/');
  const nav = page.getByRole('navigation', { name: 'Course lessons' });

  await expect(nav.locator('a[aria-current="page"]')).toHaveCount(1);
  await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute('href', '/lessons/serverless-cold-starts/');
  await expect(page.getByRole('link', { name: /^Previous/ })).toHaveAttribute('href', '/lessons/five-deployment-options/');
});

test('decision tree works by keyboard only', async ({ page }) => {
  await page.goto(treePath);
  const status = page.locator('[data-decision-status]');
  const result = page.locator('[data-decision-result]');
  await expect(status).toHaveText('0 / 5 answered');

  // Tab enters each radio group on its first choice; Space checks it, arrow keys move and check.
  await tabTo(page, 'input[name="latency"]');
  await page.keyboard.press('Space');
  await expect(status).toHaveText('1 / 5 answered');

  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('input[name="connectivity"][value="unreliable"]')).toBeChecked();

  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('input[name="data"][value="device"]')).toBeChecked();
  await expect(status).toHaveText('3 / 5 answered');
  await expect(result.locator('h3')).toHaveText('Recommendation: Edge / on-device');
  await expect(page.locator('[data-decision-announce]')).toHaveText('Recommendation: Edge / on-device.');
  await expect(result).toContainText('Works with no internet connection.');
  await expect(result).toContainText('Ruled out');

  // Changing an answer changes the recommendation.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(status).toHaveText('5 / 5 answered');
  await expect(page.locator('input[name="traffic"][value="steady-high"]')).toBeChecked();
  await expect(page.locator('input[name="maturity"][value="high"]')).toBeChecked();
  await expect(result.locator('h3')).toHaveText('Recommendation: Container (Docker + Kubernetes)');

  // The reset button is reachable and clears every answer.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Clear answers' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('0 / 5 answered');
});

test('decision tree clears to its first state', async ({ page }) => {
  await page.goto(treePath);
  const result = page.locator('[data-decision-result]');
  const initial = await result.innerHTML();
  await expect(result).toHaveText('Answer a question to see which option fits.');

  await page.getByLabel('Rare: a few requests a day').check();
  await expect(result.locator('h3')).toContainText('Recommendation: ');
  await page.getByRole('button', { name: 'Clear answers' }).click();

  await expect(page.locator('[data-decision-status]')).toHaveText('0 / 5 answered');
  await expect(result).toHaveText('Answer a question to see which option fits.');
  expect(await result.innerHTML()).toBe(initial);
  await page.reload();
  await expect(result).toHaveText('Answer a question to see which option fits.');
});

test('decision tree labels trade-offs of fitting options', async ({ page }) => {
  await page.goto(treePath);
  await page.getByLabel('Rare: a few requests a day').check();
  await page.getByLabel('Early: nobody runs infrastructure for models yet').check();
  const result = page.locator('[data-decision-result]');
  const others = result.locator('.decision-tree__others');

  await expect(result.getByRole('heading', { name: 'Other options that fit' })).toBeVisible();
  await expect(others).toContainText('Trade-offs:');
  await expect(result).not.toContainText('Against');
  expect(await result.textContent()).not.toContain('Against');
});

test('decision tree answers survive a reload', async ({ page }) => {
  await page.goto(treePath);
  await page.getByLabel('No: it must also work offline').check();
  await page.getByLabel('Rare: a few requests a day').check();
  await page.reload();

  await expect(page.getByLabel('No: it must also work offline')).toBeChecked();
  await expect(page.getByLabel('Rare: a few requests a day')).toBeChecked();
  await expect(page.locator('[data-decision-status]')).toHaveText('2 / 5 answered');
  await expect(page.locator('[data-decision-result] h3')).toHaveText('Recommendation: Edge / on-device');
});

test('completion survives a reload', async ({ page }) => {
  const slug = 'image-versions-and-rollback';
  await page.goto(`/lessons/${slug}/`);
  const button = page.getByRole('button', { name: 'Mark complete' });
  await expect(button).toHaveAttribute('aria-pressed', 'false');

  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await page.reload();

  await expect(page.getByRole('button', { name: 'Mark complete' })).toHaveAttribute('aria-pressed', 'true');
  const sidebarItem = page.getByRole('navigation', { name: 'Course lessons' }).locator(`[data-slug="${slug}"]`);
  await expect(sidebarItem).toHaveAttribute('data-complete', 'true');
  await expect(sidebarItem).toContainText('(completed)');

  await page.getByRole('link', { name: 'Packaging and deploying ML models' }).click();
  await expect(page.locator(`.home__lessons [data-slug="${slug}"]`)).toHaveAttribute('data-complete', 'true');
  await expect(page.locator('[data-progress-summary]')).toHaveText(`1 of ${plannedSlugs.length} lessons complete`);

  // Toggling again removes the mark.
  await page.goto(`/lessons/${slug}/`);
  await page.getByRole('button', { name: 'Mark complete' }).click();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Mark complete' })).toHaveAttribute('aria-pressed', 'false');
});

test('home page offers to continue the last lesson', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: /^Continue where you left off/ })).toBeHidden();
  await expect(page.getByRole('link', { name: /^Start with lesson 1/ })).toBeVisible();

  await page.goto('/lessons/serverless-cold-starts/');
  await page.goto('/');
  const resume = page.getByRole('link', { name: /^Continue where you left off: / });
  await expect(resume).toBeVisible();
  await expect(page.getByRole('link', { name: /^Start with lesson 1/ })).toBeHidden();
  await resume.click();
  await expect(page).toHaveURL(/\/lessons\/serverless-cold-starts\/$/);
});

test('theme toggle persists without a flash', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');

  // The head script sets the theme before any module script runs.
  await page.goto('/lessons/what-containers-give-you/', { waitUntil: 'commit' });
  await page.waitForSelector('body');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
});

test('system dark scheme is followed', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('skip link is the first stop', async ({ page }) => {
  await page.goto('/lessons/what-containers-give-you/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });

  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('unknown page answers 404 with a way home', async ({ page }) => {
  const response = await page.goto('/no-such-page/');

  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the course home page' }).click();
  await expect(page).toHaveURL(/\/$/);
});
