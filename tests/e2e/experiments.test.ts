// The Experiments view in a real browser: a supervisor starts an experiment from the form, sees its arms,
// results with interval bars and the funnel per arm (for a team too), pauses and stops it. Screenshot in
// test-artifacts/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_WEB_ROOT } from '../../api/http/routes/dashboard';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import {
  createCustomer,
  createTwoVersionPlaybook,
  outflowSignal,
  waitForClosed,
  waitForStage,
  MOVED_AWAY,
} from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(DEFAULT_WEB_ROOT, 'index.html')))
    throw new Error('the dashboard is not built: run `npm run web:build` (npm test does)');
  h = await startHarness();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

test('a supervisor sees an experiment with its results and funnel per arm, and pauses it', async () => {
  const playbookId = await createTwoVersionPlaybook(h);
  // Started from the form: a wrong weight is refused with the API's message, then corrected.
  await page.goto(`${h.baseUrl}/`);
  await page.getByLabel('API key').fill(h.keys.supervisor);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Case board' }).waitFor();
  await page.goto(`${h.baseUrl}/#/experiments/${playbookId}`);
  const form = page.getByRole('form', { name: 'Start an experiment' });
  await form.waitFor();
  await form.getByLabel('Minimum conclusive cases per arm').fill('2');
  await form.getByLabel('Arm B weight').fill('40');
  await form.getByRole('button', { name: 'Start experiment' }).click();
  await form.getByRole('alert').getByText("the arms' weights must sum to 100; they sum to 90").waitFor();
  await form.getByLabel('Arm B weight').fill('50');
  await form.getByRole('button', { name: 'Start experiment' }).click();
  await page.getByTestId('experiment-status').waitFor();
  expect(await form.count()).toBe(0);
  const [listed] = (await h.call('GET', `/v1/playbooks/${playbookId}/experiments`, { key: h.keys.supervisor })).body
    .items;
  expect(listed).toMatchObject({
    minSamplePerArm: 2,
    autoPromote: false,
    arms: [
      { arm: 'A', version: 1, weight: 50, control: true },
      { arm: 'B', version: 2, weight: 50, control: false },
    ],
  });
  const started = { body: listed };

  // Eight cases, closed by hand: every other one retained.
  for (let i = 0; i < 8; i++) {
    const c = await createCustomer(h);
    const { caseId } = (
      await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(c.id, { playbookId }) })
    ).body;
    await waitForStage(h, caseId, 'contacting');
    await h.call('POST', `/v1/cases/${caseId}/close`, {
      key: h.keys.supervisor,
      body: i % 2 ? { outcome: 'retained', note: 'e2e' } : { outcome: 'churned', note: 'e2e', reason: MOVED_AWAY },
    });
    await waitForClosed(h, caseId);
  }

  await page.reload();
  await page.getByRole('heading', { name: 'Experiments' }).waitFor();
  await page.locator(`[data-experiment-id="${started.body.id}"]`).waitFor();
  expect(await page.locator('.experiment-results tbody tr').count()).toBe(2);
  const cases = await page.locator('.experiment-results tbody tr td:nth-child(4)').allTextContents();
  expect(cases.map(Number).reduce((a, b) => a + b, 0)).toBe(8);
  // The test behind the verdicts is named under the results.
  expect(await page.getByTestId('experiment-test').textContent()).toContain('sequential probability ratio test');
  await page.locator('rect[data-step="detected"]').first().waitFor();
  expect(await page.locator('.error-bar').count()).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'dashboard-experiments.png'), fullPage: true });

  // The funnel narrowed to one team.
  await page.getByLabel('Team (funnel)').selectOption({ index: 1 });
  await page.locator('figcaption', { hasText: 'team ' }).waitFor();

  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Resume' }).waitFor();
  expect(await page.getByTestId('experiment-status').textContent()).toBe('paused');
  // Stopped: the form is offered again for the next experiment.
  await page.getByRole('button', { name: 'Stop' }).click();
  await form.waitFor();
  // The browser logs the refused start (400) itself; nothing else went wrong.
  expect(consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
});
