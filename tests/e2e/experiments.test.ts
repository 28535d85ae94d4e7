// The Experiments view in a real browser: a supervisor opens a playbook's experiment, sees its arms, results
// with interval bars and the funnel per arm, and pauses it. Screenshot in test-artifacts/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PLAYBOOKS } from '../../dev/seed';
import { DEFAULT_WEB_ROOT } from '../../api/http/routes/dashboard';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import {
  createCustomer,
  createTestPlaybook,
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
  const playbookId = await createTestPlaybook(h, (d) => {
    d.holdout = { percent: 0 };
  });
  const v2 = structuredClone(PLAYBOOKS.demo) as Record<string, any>;
  v2.holdout = { percent: 0 };
  await h.call('POST', `/v1/playbooks/${playbookId}/versions`, { key: h.keys.admin, body: v2 });
  const started = await h.call('POST', `/v1/playbooks/${playbookId}/experiments`, {
    key: h.keys.supervisor,
    body: {
      minSamplePerArm: 2,
      arms: [
        { version: 1, weight: 50, control: true },
        { version: 2, weight: 50 },
      ],
    },
  });
  expect(started.status).toBe(201);

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

  await page.goto(`${h.baseUrl}/`);
  await page.getByLabel('API key').fill(h.keys.supervisor);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Case board' }).waitFor();
  await page.goto(`${h.baseUrl}/#/experiments/${playbookId}`);
  await page.getByRole('heading', { name: 'Experiments' }).waitFor();
  await page.locator(`[data-experiment-id="${started.body.id}"]`).waitFor();
  expect(await page.locator('.experiment-results tbody tr').count()).toBe(2);
  const cases = await page.locator('.experiment-results tbody tr td:nth-child(4)').allTextContents();
  expect(cases.map(Number).reduce((a, b) => a + b, 0)).toBe(8);
  await page.locator('rect[data-step="detected"]').first().waitFor();
  expect(await page.locator('.error-bar').count()).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'dashboard-experiments.png'), fullPage: true });

  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Resume' }).waitFor();
  expect(await page.getByTestId('experiment-status').textContent()).toBe('paused');
  expect(consoleErrors).toEqual([]);
});
