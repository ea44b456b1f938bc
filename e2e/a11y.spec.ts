import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * Collects the site's pages by following same-origin links from the home
 * page and the lab index: lessons, labs, and the practice page of each
 * checkpoint mounted in a lesson, plus the 404 page.
 */
async function discoverPages(page: Page): Promise<string[]> {
  const found = new Set<string>(['/', '/labs/']);
  const queue = ['/', '/labs/'];

  while (queue.length > 0) {
    const path = queue.shift()!;
    const response = await page.goto(path);
    expect(response?.status(), `status of ${path}`).toBeLessThan(400);

    const hrefs = await page.$$eval('a[href]', (links) => links.map((link) => (link as HTMLAnchorElement).href));
    const checkpointIds = await page.$$eval('[data-checkpoint-id]', (mounts) => mounts.map((mount) => mount.getAttribute('data-checkpoint-id')));
    const candidates = [
      ...hrefs.filter((href) => new URL(href).origin === new URL(page.url()).origin).map((href) => new URL(href).pathname),
      ...checkpointIds.map((id) => `/checkpoints/${id}/`),
    ];
    for (const candidate of candidates) {
      if (!/^\/($|lessons\/|labs\/|checkpoints\/)/.test(candidate) || found.has(candidate)) continue;
      found.add(candidate);
      queue.push(candidate);
    }
  }
  return [...found, '/no-such-page/'];
}

/** Lists the serious and critical axe violations on the current page as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test.describe.configure({ timeout: 300_000 });

// Tests talk to the local server only. Lab pages try to boot a WebContainer
// from stackblitz.com, so every request to another origin is aborted.
test.beforeEach(async ({ context, baseURL }) => {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const local = url.startsWith(`${baseURL}/`) || url.startsWith('data:') || url.startsWith('blob:');
    return local ? route.continue() : route.abort();
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious axe violations in ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const paths = await discoverPages(page);
    expect(paths).toContain('/lessons/choosing-a-deployment-option/');
    expect(paths.filter((path) => path.startsWith('/labs/')).length).toBeGreaterThan(1);
    expect(paths).toContain('/checkpoints/heart-rate/');

    for (const path of paths) {
      await test.step(path, async () => {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        expect.soft(await seriousViolations(page), `axe violations on ${path}`).toEqual([]);
      });
    }
  });
}

test('decision tree with answers has no serious axe violations', async ({ page }) => {
  await page.goto('/lessons/choosing-a-deployment-option/');
  await page.getByLabel('Under 50 ms: real time, such as an alert from a sensor').check();
  await page.getByLabel('No: it must also work offline').check();
  await page.getByLabel('Steady and high').check();
  await expect(page.locator('[data-decision-result] h3')).toContainText('Recommendation');

  expect(await seriousViolations(page)).toEqual([]);
});

test('no horizontal scroll at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const paths = await discoverPages(page);

  for (const path of paths) {
    await test.step(path, async () => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect.soft(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    });
  }
});
