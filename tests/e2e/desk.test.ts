// The retention agent's desk in a real browser: an agent with a personal key logs in and lands on My day,
// sees the call waiting on them and opens the case from it. Screenshots go to test-artifacts/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createApiKey } from '../../api/services/api-keys';
import { DEFAULT_WEB_ROOT } from '../../api/http/routes/dashboard';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { createTeam, insertCase } from '../support/case-rows';
import { createCustomer, outflowSignal, waitForEvent } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let browser: Browser;
let page: Page;
let agentKey: string;
let agentId: string;
let teamId: string;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(DEFAULT_WEB_ROOT, 'index.html')))
    throw new Error('the dashboard is not built: run `npm run web:build` (npm test does)');
  h = await startHarness();
  const team = await createTeam(h.db, [{ quota: 10 }]);
  agentId = team.agentIds[0]!;
  teamId = team.teamId;
  agentKey = (await createApiKey(h.db, { name: 'Agent 1', role: 'agent', teamId: team.teamId, agentId })).key;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

async function callWaitingOn(agent: string): Promise<{ caseId: string; customerId: string }> {
  const customer = await createCustomer(h, { preferredChannels: ['phone'] });
  const caseId = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customer.id) })).body
    .caseId as string;
  await waitForEvent(h, caseId, 'call_requested');
  expect(
    (await h.call('POST', `/v1/cases/${caseId}/assignment`, { key: h.keys.supervisor, body: { agentId: agent } }))
      .status,
  ).toBe(200);
  return { caseId, customerId: customer.id };
}

async function logIn(key: string): Promise<void> {
  await page.goto(`${h.baseUrl}/`);
  await page.evaluate('sessionStorage.clear()');
  await page.reload();
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Log in' }).click();
}

test('an agent lands on My day, sees the call waiting on them and opens its case', async () => {
  const { caseId } = await callWaitingOn(agentId);
  await logIn(agentKey);
  await page.getByRole('heading', { name: 'My day' }).waitFor();
  const item = page.getByTestId('waiting').locator('li').first();
  await item.waitFor();
  expect(await item.locator('.task').textContent()).toBe('Call the customer');
  expect(await page.getByTestId('quota').textContent()).toContain('0 of 10');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'desk-my-day.png'), fullPage: true });
  await item.getByRole('link', { name: 'Test Customer' }).click();
  await page.getByTestId('case-stage').waitFor();
  expect(page.url()).toContain(`#/cases/${caseId}`);
  // The call sheet is open before the call: why at risk in words, and the message the customer read.
  const sheet = page.getByTestId('call-sheet');
  await sheet.getByText('A large transfer out', { exact: false }).waitFor();
  expect(await sheet.locator('.script').textContent()).toContain('Hello Test Customer,');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'desk-call-sheet.png'), fullPage: true });
  expect(consoleErrors).toEqual([]);
}, 120_000);

test('an agent finds a customer from the header, reads their file, and a case they cannot open says why', async () => {
  const { caseId, customerId } = await callWaitingOn(agentId);
  // A customer of the team (a closed case) whom the bank may not contact on any channel.
  const closed = await insertCase(h.db, teamId, {
    status: 'closed',
    outcome: 'retained',
    agentId,
    openedAt: new Date(),
  });
  const { customerId: unreachable } = await h.db.case.findUniqueOrThrow({ where: { id: closed } });
  await logIn(agentKey);
  await page.getByRole('heading', { name: 'My day' }).waitFor();

  await page.keyboard.press('/');
  await page.getByRole('searchbox', { name: 'Look up by id, name, phone or email' }).fill(customerId);
  await page.keyboard.press('Enter');
  const results = page.getByTestId('customer-results');
  await results.waitFor();
  // The agent works this customer's open case: the number shows in full.
  expect(await results.locator('tbody tr').first().textContent()).toMatch(/\+3460\d{7}/);
  await results.getByRole('link', { name: 'Test Customer' }).click();
  await page.getByTestId('customer-cases').waitFor();
  expect(await page.getByTestId('customer-cases').locator(`a[href="#/cases/${caseId}"]`).count()).toBe(1);
  expect(await page.getByText('work it here').count()).toBe(1);
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'desk-customer.png'), fullPage: true });

  await page.goto(`${h.baseUrl}/#/customers/${unreachable}`);
  const form = page.getByRole('form', { name: 'Open a case' });
  await form.getByLabel('Why is the customer at risk?').fill('asked to close the account in branch');
  await form.getByRole('button', { name: 'Open a case' }).click();
  await expect(form.getByRole('alert').textContent()).resolves.toContain('cannot be contacted on any channel');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'desk-open-case-refused.png'), fullPage: true });
  expect(consoleErrors.filter((e) => !e.includes('422'))).toEqual([]);
}, 120_000);
