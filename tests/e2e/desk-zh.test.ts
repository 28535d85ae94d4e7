// The desk in Chinese: an agent opens the dashboard with ?lang=zh-CN, logs in on the Chinese login page and
// works My day and a case page in zh-CN: <html lang="zh-CN">, Chinese words on screen, no serious axe violation.
// Screenshots of My day, the case page and reports in zh-CN go to /tmp/zh-shots/ (outside the repository).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createApiKey } from '../../api/services/api-keys';
import { DEFAULT_WEB_ROOT } from '../../api/http/routes/dashboard';
import { seriousAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { createTeam } from '../support/case-rows';
import { createCustomer, outflowSignal, waitForEvent } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';

const SHOTS = '/tmp/zh-shots';
let h: Harness;
let browser: Browser;
let page: Page;
let agentKey: string;
let agentId: string;

beforeAll(async () => {
  if (!existsSync(join(DEFAULT_WEB_ROOT, 'index.html')))
    throw new Error('the dashboard is not built: run `npm run web:build` (npm test does)');
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness();
  const team = await createTeam(h.db, [{ quota: 10 }]);
  agentId = team.agentIds[0]!;
  agentKey = (await createApiKey(h.db, { name: 'Agent 1', role: 'agent', teamId: team.teamId, agentId })).key;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

async function logIn(key: string, lang = 'zh-CN'): Promise<void> {
  await page.goto(`${h.baseUrl}/?lang=${lang}`);
  await page.evaluate('sessionStorage.clear()');
  await page.reload();
  await page.getByLabel('API 密钥').fill(key);
  await page.getByRole('button', { name: '登录' }).click();
}

test('an agent works My day and a case page in Chinese (?lang=zh-CN), without serious axe violations', async () => {
  const customer = await createCustomer(h, { preferredChannels: ['phone'] });
  const caseId = (await h.call('POST', '/v1/signals', { key: h.keys.system, body: outflowSignal(customer.id) })).body
    .caseId as string;
  await waitForEvent(h, caseId, 'call_requested');
  await h.call('POST', `/v1/cases/${caseId}/assignment`, { key: h.keys.supervisor, body: { agentId } });

  await logIn(agentKey);
  await page.getByRole('heading', { name: '我的待办' }).waitFor();
  expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
  const item = page.getByTestId('waiting').locator('li').first();
  await item.waitFor();
  expect(await item.locator('.task').textContent()).toBe('致电客户');
  expect(await page.getByTestId('quota').textContent()).toContain('今日已联系');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, 'my-day.png'), fullPage: true });

  await page.goto(`${h.baseUrl}/?lang=zh-CN#/cases/${caseId}`);
  await page.getByTestId('case-stage').waitFor();
  expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
  await page.getByRole('link', { name: '案件看板' }).waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, 'case-page.png'), fullPage: true });
});

test('the language is switched in the header without a reload and kept for this browser', async () => {
  await logIn(h.keys.supervisor);
  await page.getByRole('link', { name: '案件看板' }).waitFor();
  await page.goto(`${h.baseUrl}/#/reports`);
  await page.getByRole('link', { name: '报表' }).waitFor();
  await page.screenshot({ path: join(SHOTS, 'reports.png'), fullPage: true });
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Reports' }).waitFor();
  expect(await page.evaluate('document.documentElement.lang')).toBe('en');
  await page.reload();
  await page.getByRole('link', { name: 'Reports' }).waitFor();
});
