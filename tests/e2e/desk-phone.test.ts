// The desk on a phone (390 px wide) and by keyboard alone: My day, the customer page and the case's call
// sheet fit the width, pass axe-core without serious or critical violations, and work without a mouse.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createApiKey } from '../../api/services/api-keys';
import { DEFAULT_WEB_ROOT } from '../../api/http/routes/dashboard';
import { seriousAxeViolations, overflowsSideways } from '../support/axe';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { createTeam } from '../support/case-rows';
import { createCustomer, outflowSignal, waitForEvent } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let browser: Browser;
let page: Page;
let agentKey: string;
let agentId: string;

beforeAll(async () => {
  if (!existsSync(join(DEFAULT_WEB_ROOT, 'index.html')))
    throw new Error('the dashboard is not built: run `npm run web:build` (npm test does)');
  h = await startHarness();
  const team = await createTeam(h.db, [{}]);
  agentId = team.agentIds[0]!;
  agentKey = (await createApiKey(h.db, { name: 'Agent 1', role: 'agent', teamId: team.teamId, agentId })).key;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

async function expectFitsAndPassesAxe(name: string): Promise<void> {
  expect({ name, overflows: await overflowsSideways(page) }).toEqual({ name, overflows: false });
  expect({ name, violations: await seriousAxeViolations(page) }).toEqual({ name, violations: [] });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `desk-phone-${name}.png`), fullPage: true });
}

test('My day, the customer page and the call sheet at 390 px, by keyboard, without serious axe violations', async () => {
  const customer = await createCustomer(h, { preferredChannels: ['phone'] });
  const caseId = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customer.id) })).body
    .caseId as string;
  await waitForEvent(h, caseId, 'call_requested');
  expect(
    (await h.call('POST', `/v1/cases/${caseId}/assignment`, { key: h.keys.supervisor, body: { agentId } })).status,
  ).toBe(200);

  await page.goto(`${h.baseUrl}/`);
  await page.getByLabel('API key').fill(agentKey);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'My day' }).waitFor();
  await page.getByTestId('waiting').locator('li').first().waitFor();
  await expectFitsAndPassesAxe('my-day');

  // By keyboard: "/" to the lookup, type, Enter; Tab to the customer's link, Enter.
  await page.keyboard.press('/');
  await page.keyboard.type(customer.id);
  await page.keyboard.press('Enter');
  await page.getByTestId('customer-results').waitFor();
  const focused = () => page.evaluate('document.activeElement?.textContent ?? ""') as Promise<string>;
  for (let i = 0; i < 20 && (await focused()) !== 'Test Customer'; i++) await page.keyboard.press('Tab');
  expect(await focused()).toBe('Test Customer');
  await page.keyboard.press('Enter');
  await page.getByTestId('customer-cases').waitFor();
  await expectFitsAndPassesAxe('customer');

  await page.goto(`${h.baseUrl}/#/cases/${caseId}`);
  await page.getByTestId('call-sheet').getByText('A large transfer out', { exact: false }).waitFor();
  await expectFitsAndPassesAxe('call-sheet');
}, 120_000);
