import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER, seedDemoJourney, type DemoSeed } from '../../embedded/demo-journey.js';
import type { RunningHub } from '../../embedded/hub.js';
import { MESSAGES } from '../../web/src/i18n/messages.js';
import { formatDay, formatTime } from '../../web/src/time/format.js';
import { dayInZone, groupByDay, startOfDayInZone } from '../../web/src/time/zoned-day.js';
import { consoleContext, DESKTOP, launchChromium, PageProblems, PHONE, seriousAccessibilityViolations } from '../support/console-browser.js';
import { attribute, containsText, counts, focused, hasText, hidden, shows } from '../support/locator-expect.js';
import { callApi, startTestHub, tokenFor } from '../support/test-hub.js';

const zh = MESSAGES['zh-CN'];
const SHOTS = 'test-results/console';
const TENANT_ZONE = 'Asia/Shanghai';
const CUSTOMER = DEMO_CUSTOMER.customerId;

interface TimelineItem {
  recordId: string;
  type: keyof typeof CHANNEL_NAMES;
  occurredAt: string;
  subject?: string;
  attachments: unknown[];
  analysis: { intent?: { category: string }; sentiment?: { overall: string }; urgency?: { level: string } };
}
const CHANNEL_NAMES = { phone: zh['channel.phone'], mobile: zh['channel.mobile'], wechat: zh['channel.wechat'], email: zh['channel.email'], meeting: zh['channel.meeting'], video: zh['channel.video'], visit: zh['channel.visit'], form: zh['channel.form'], webchat: zh['channel.webchat'] };
const label = (key: string) => (zh as Record<string, string>)[key] ?? key;

describe('the web console in headless Chromium, on the embedded hub seeded with the example journey', () => {
  let hub: RunningHub;
  let token: string;
  let seed: DemoSeed;
  let browser: Browser;
  let journey: TimelineItem[];
  const problems = new PageProblems();

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
    token = tokenFor(hub, 'T001');
    seed = await seedDemoJourney({ apiUrl: hub.url, smtpHost: '127.0.0.1', smtpPort: hub.smtpPort, token });
    journey = (await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/timeline?limit=50`, { token })).body.items;
    await mkdir(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });
  afterEach(() => {
    // Assess (every test): no console error, no uncaught exception, no CSP violation.
    expect(problems.take()).toEqual([]);
  });

  /** A signed-in page through the console link `npm start` prints. */
  async function open(path: string, options: { viewport?: { width: number; height: number }; language?: 'zh-CN' | 'en' | null } = {}): Promise<Page> {
    const context = await consoleContext(browser, options);
    const page = problems.watch(await context.newPage(), path);
    await page.goto(`${hub.url}${path}#devToken=${token}`);
    return page;
  }
  const timelineOf = (page: Page) => page.getByRole('region', { name: zh['timeline.title'] });
  const itemsOf = (page: Page) => timelineOf(page).locator('li.timeline-item');
  /** In one read: the list may re-render between two. */
  const recordIdsShown = (page: Page): Promise<string[]> => itemsOf(page).evaluateAll((items) => items.map((item) => item.getAttribute('data-record-id') ?? ''));

  it('signs in from the console link: the token moves from the fragment into sessionStorage and leaves the address bar', async () => {
    // Act
    const page = await open(`/customers/${CUSTOMER}`);
    await expect.poll(() => itemsOf(page).count()).toBe(7);
    // Assess
    expect(page.url()).toBe(`${hub.url}/customers/${CUSTOMER}`);
    expect(await page.evaluate(`sessionStorage.getItem('commhub.token')`)).toBe(token);
    expect(await page.evaluate(`localStorage.getItem('commhub.token')`)).toBeNull();
    // A hash-style link (`/#/customers/…`) opens the same page at its path
    await page.goto(`${hub.url}/#/customers/${CUSTOMER}`);
    await shows(page.getByRole('heading', { level: 1, name: DEMO_CUSTOMER.profile.name }));
    expect(page.url()).toBe(`${hub.url}/customers/${CUSTOMER}`);
    await page.context().close();
  });

  it("shows the journey's 7 records newest first, grouped by the tenant's days, with channel, time and analysis badges", async () => {
    // Prepare / Act
    const page = await open(`/customers/${CUSTOMER}`);
    await shows(page.getByRole('heading', { level: 1, name: DEMO_CUSTOMER.profile.name }));
    await expect.poll(() => itemsOf(page).count()).toBe(7);
    // Assess: the order is the API's, which is the journey's, newest first
    expect(await recordIdsShown(page)).toEqual([...seed.recordIds]);
    expect(journey.map((r) => r.type)).toEqual(['email', 'wechat', 'mobile', 'visit', 'email', 'wechat', 'phone']);
    const items = await itemsOf(page).all();
    for (const [i, record] of journey.entries()) {
      const item = items[i]!;
      await hasText(item.locator('.channel-name'), CHANNEL_NAMES[record.type]);
      // Times and days in Shanghai time although the browser is in Los Angeles
      await hasText(item.locator('time'), formatTime(record.occurredAt, 'zh-CN', TENANT_ZONE));
      const { intent, sentiment, urgency } = record.analysis;
      await containsText(item, `${zh['badge.intent']}: ${label(`intent.${intent!.category}`)}`);
      await containsText(item, `${zh['badge.sentiment']}: ${label(`sentiment.${sentiment!.overall}`)}`);
      await containsText(item, `${zh['badge.urgency']}: ${label(`urgency.${urgency!.level}`)}`);
    }
    // The seed's own words, as the local analyzer reads them
    await containsText(items[0]!, `${zh['badge.intent']}: ${zh['intent.order']}`);
    await containsText(items[0]!, zh['badge.attachments'].replace('{count}', '1'));
    await containsText(items[2]!, `${zh['badge.intent']}: ${zh['intent.payment']}`);
    await containsText(items[4]!, `${zh['badge.intent']}: ${zh['intent.technical']}`);
    // A recording can be played where there is one (the mobile call), a transcript read for calls
    await shows(items[2]!.getByRole('button', { name: new RegExp(`^${zh['record.play']}`) }));
    await shows(items[6]!.getByRole('button', { name: new RegExp(`^${zh['record.viewTranscript']}`) }));
    await counts(items[3]!.getByRole('button', { name: new RegExp(`^${zh['record.play']}`) }), 0);
    // Day headings: 今天 / 昨天 / the date, by the Shanghai calendar
    const expected = groupByDay(journey, TENANT_ZONE, Date.now()).map((g) => (g.label.kind === 'date' ? formatDay(g.day, 'zh-CN') : label(`day.${g.label.kind}`)));
    const headings = await timelineOf(page).locator('.day-heading').allTextContents();
    expect(headings.map((h) => h.split(' · ')[0])).toEqual(expected);
    await page.context().close();
  });

  it('filters by channel and by intent through the timeline API', async () => {
    // Prepare
    const page = await open(`/customers/${CUSTOMER}`);
    await expect.poll(() => itemsOf(page).count()).toBe(7);
    // Act: e-mail only
    await page.getByLabel(zh['filter.channel']).selectOption({ label: zh['channel.email'] });
    // Assess
    const emails = journey.filter((r) => r.type === 'email').map((r) => r.recordId);
    await expect.poll(() => recordIdsShown(page)).toEqual(emails);
    // Act: every channel, intent "order"
    await page.getByLabel(zh['filter.channel']).selectOption({ label: zh['filter.allChannels'] });
    await page.getByLabel(zh['filter.intent']).selectOption({ label: zh['intent.order'] });
    // Assess
    const orders = journey.filter((r) => r.analysis.intent?.category === 'order').map((r) => r.recordId);
    expect(orders.length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => recordIdsShown(page)).toEqual(orders);
    // Act: both at once, then clear
    await page.getByLabel(zh['filter.channel']).selectOption({ label: zh['channel.wechat'] });
    await expect.poll(() => recordIdsShown(page)).toEqual(journey.filter((r) => r.type === 'wechat' && r.analysis.intent?.category === 'order').map((r) => r.recordId));
    await page.getByRole('button', { name: zh['filter.reset'] }).click();
    await expect.poll(() => itemsOf(page).count()).toBe(7);
    await page.context().close();
  });

  it('shows the filtered records as a list and their split in the analysis view', async () => {
    // Prepare: e-mail only
    const page = await open(`/customers/${CUSTOMER}`);
    await expect.poll(() => itemsOf(page).count()).toBe(7);
    await page.getByLabel(zh['filter.channel']).selectOption({ label: zh['channel.email'] });
    const emails = journey.filter((r) => r.type === 'email');
    expect(emails.length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => recordIdsShown(page)).toEqual(emails.map((r) => r.recordId));
    // Act: the list view
    await page.getByRole('group', { name: zh['view.label'] }).getByRole('button', { name: zh['view.list'] }).click();
    // Assess: one row per filtered record, newest first, with its intent
    const rows = page.getByRole('region', { name: zh['view.list'] }).locator('tbody tr');
    await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-record-id')))).toEqual(emails.map((r) => r.recordId));
    for (const [n, record] of emails.entries()) {
      if (record.analysis.intent) await containsText(rows.nth(n), label(`intent.${record.analysis.intent.category}`));
    }
    // Act: the analysis view
    await page.getByRole('group', { name: zh['view.label'] }).getByRole('button', { name: zh['view.analysis'] }).click();
    // Assess: counted over the filtered records only — every one an e-mail
    await shows(page.getByText(zh['analysis.basedOnAll'].replace('{count}', String(emails.length))));
    const byChannel = page.getByRole('region', { name: zh['analysis.byChannel'] }).locator('.bar-row');
    await counts(byChannel, 1);
    await containsText(byChannel.first(), `${zh['channel.email']}`);
    await hasText(byChannel.first().locator('.bar-value'), String(emails.length));
    const intents = new Set(emails.flatMap((r) => (r.analysis.intent ? [r.analysis.intent.category] : [])));
    await counts(page.getByRole('region', { name: zh['analysis.byIntent'] }).locator('.bar-row'), intents.size);
    await page.context().close();
  });

  it('loads the next page of the cursor API when the end of the timeline is scrolled into view', async () => {
    // Prepare: two records a page, on a phone: the first pages fill the screen, then loading waits for a scroll
    const page = await open(`/customers/${CUSTOMER}?pageSize=2`, { viewport: PHONE });
    let shown = await settledCount(page);
    expect(shown).toBeGreaterThanOrEqual(2);
    expect(shown).toBeLessThan(7);
    // Act / Assess: each scroll to the end of the timeline brings the next page, until all 7 are there in order
    while (shown < 7) {
      await page.locator('.load-more').scrollIntoViewIfNeeded();
      await expect.poll(() => itemsOf(page).count(), { timeout: 5_000 }).toBeGreaterThan(shown);
      shown = await settledCount(page);
    }
    expect(await recordIdsShown(page)).toEqual([...seed.recordIds]);
    await hidden(page.getByRole('button', { name: zh['timeline.loadMore'] }));
    await page.context().close();
  });

  it('leaves the next pages alone while the reader is past the end of the timeline (in the AI panel on a phone)', async () => {
    // Prepare: two records a page on a phone, the first pages loaded
    const page = await open(`/customers/${CUSTOMER}?pageSize=2`, { viewport: PHONE });
    const before = await settledCount(page);
    // Act: jump to the end of the page, past the timeline into the AI panel
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    await page.waitForTimeout(1_000);
    // Assess: nothing more was loaded behind the reader's back
    expect(await itemsOf(page).count()).toBe(before);
    expect(before).toBeLessThan(7);
    await page.context().close();
  });

  /** The number of timeline items once no page has arrived for half a second. */
  async function settledCount(page: Page): Promise<number> {
    let last = -1;
    for (;;) {
      const count = await itemsOf(page).count();
      if (count === last && count > 0) return count;
      last = count;
      await page.waitForTimeout(500);
    }
  }

  it('opens a record: details with the AI analysis, the recording player (presigned S3 URL under the CSP) and the transcript; Escape closes it', async () => {
    const page = await open(`/customers/${CUSTOMER}`);
    await expect.poll(() => itemsOf(page).count()).toBe(7);
    // Act: play the mobile call's recording
    await itemsOf(page).nth(2).getByRole('button', { name: new RegExp(`^${zh['record.play']}`) }).click();
    // Assess
    const dialog = page.getByRole('dialog');
    await focused(dialog.getByRole('heading', { name: zh['record.recording'] }));
    const audio = dialog.locator('audio');
    await attribute(audio, 'src', /^http:\/\/127\.0\.0\.1:\d+\/commhub-blobs\/uploads\//);
    await expect.poll(() => audio.evaluate((element) => (element as unknown as { readyState: number }).readyState)).toBeGreaterThanOrEqual(1);
    await containsText(dialog, '月结 60 天');
    await page.keyboard.press('Escape');
    await counts(dialog, 0);
    // Act: the 400 call's transcript, from the keyboard
    const transcript = itemsOf(page).nth(6).getByRole('button', { name: new RegExp(`^${zh['record.viewTranscript']}`) });
    await transcript.focus();
    await page.keyboard.press('Enter');
    await focused(page.getByRole('dialog').getByRole('heading', { name: zh['record.transcript'] }));
    await containsText(page.getByRole('dialog'), '客服：好的');
    await page.keyboard.press('Escape');
    await focused(transcript);
    // Act: the contract e-mail's details list its attachment as a download
    await itemsOf(page).nth(0).getByRole('button', { name: new RegExp(`^${zh['record.details']}`) }).click();
    await attribute(page.getByRole('dialog').getByRole('link', { name: '合同草稿.docx' }), 'href', /X-Amz-Signature=/);
    await page.context().close();
  });

  it('dismisses an insight in the AI panel, and it stays dismissed after a reload', async () => {
    // Prepare
    const page = await open(`/customers/${CUSTOMER}`);
    const panel = page.getByRole('complementary', { name: zh['panel.title'] });
    const opportunities = (await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/insights?type=opportunity&status=new`, { token })).body.items;
    const title: string = opportunities[0].title;
    await shows(panel.getByRole('heading', { name: title }));
    // Act
    await panel.getByRole('button', { name: `${zh['insightAction.dismissed']}: ${title}` }).click();
    // Assess
    await counts(panel.getByRole('heading', { name: title }), 0);
    await containsText(page.locator('.toast'), zh['insightStatus.dismissed']);
    await page.reload();
    await shows(panel.getByRole('heading', { name: zh['insightType.marketing'] }));
    await counts(panel.locator('.insight-marketing'), 1);
    await counts(panel.getByRole('heading', { name: title }), 0);
    const stored = await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/insights?type=opportunity`, { token });
    expect(stored.body.items[0]).toMatchObject({ insightId: opportunities[0].insightId, status: 'dismissed' });
    await page.context().close();
  });

  it('shows the AI report in five sections, sets an insight status, makes one task from an action on a double click, exports Markdown and prints without the controls', async () => {
    // Prepare / Act
    const page = await open(`/customers/${CUSTOMER}/report`);
    // Assess: the seed's customer report, five sections
    for (const [n, key] of (['report.sectionInsight', 'report.sectionOpportunities', 'report.sectionMarketing', 'report.sectionRisks', 'report.sectionActions'] as const).entries()) {
      await shows(page.getByRole('heading', { level: 2, name: `${n + 1}. ${zh[key]}` }));
    }
    const report = (await callApi(hub, 'GET', `/v1/reports/${seed.reportId}`, { token })).body;
    await containsText(page.getByRole('region', { name: `1. ${zh['report.sectionInsight']}` }), report.document.summary.slice(0, 40));
    // Act: mark the customer insight read
    const insightSection = page.getByRole('region', { name: `1. ${zh['report.sectionInsight']}` });
    await insightSection.getByRole('button', { name: new RegExp(`^${zh['insightAction.read']}`) }).first().click();
    await containsText(insightSection.locator('.insight-card').first(), `${zh['insight.status']}: ${zh['insightStatus.read']}`);
    // Act: a double click on "create task"
    const action: string = [...report.document.action_plan.immediate, ...report.document.action_plan.short_term, ...report.document.action_plan.long_term][0];
    await page.getByRole('button', { name: `${zh['report.createTask']}: ${action}` }).dblclick();
    // Assess: one task, from this report
    const actions = page.getByRole('region', { name: `5. ${zh['report.sectionActions']}` });
    await containsText(actions.locator('.action-item', { hasText: action }), zh['report.taskExists']);
    await counts(actions.locator('.task-item', { hasText: action }), 1);
    const tasks = (await callApi(hub, 'GET', `/v1/tasks?customerId=${CUSTOMER}&limit=100`, { token })).body.items as { title: string }[];
    expect(tasks.filter((task) => task.title === action)).toHaveLength(1);
    // Act: export Markdown
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: zh['report.exportMarkdown'] }).click()]);
    // Assess
    expect(download.suggestedFilename()).toMatch(/^report-CUST-AUX-\d{4}-\d{2}-\d{2}\.md$/);
    expect(await readFile((await download.path())!, 'utf8')).toBe(report.markdown);
    // Act / Assess: the print stylesheet keeps the report and drops navigation and buttons
    await page.emulateMedia({ media: 'print' });
    await hidden(page.getByRole('navigation', { name: zh['nav.label'] }));
    await hidden(page.getByRole('button', { name: zh['report.exportMarkdown'] }));
    await shows(page.getByRole('heading', { level: 2, name: `5. ${zh['report.sectionActions']}` }));
    await page.pdf({ path: `${SHOTS}/report.pdf` }).catch(() => undefined);
    await page.context().close();
  });

  it('runs the report for a chosen period start, shows that period, and finds it again on the next visit', async () => {
    // Prepare: the seed's report covers the last 30 days; pick a start 10 days ago in the tenant's zone
    const page = await open(`/customers/${CUSTOMER}/report`);
    await shows(page.getByRole('heading', { level: 2, name: `1. ${zh['report.sectionInsight']}` }));
    const day = dayInZone(Date.now() - 10 * 86_400_000, TENANT_ZONE);
    const before = (await callApi(hub, 'GET', '/v1/reports?limit=100', { token })).body.items as { reportId: string }[];
    // Act
    await page.getByLabel(zh['report.periodStart']).fill(day);
    // Assess: a new customer report for that period, shown with its dates once ready
    const periodLine = page.locator('header p.muted').first();
    await expect.poll(() => periodLine.textContent({ timeout: 2_000 }).catch(() => null), { timeout: 30_000 }).toContain(`${zh['report.period']}: ${formatDay(day, 'zh-CN')}`);
    await shows(page.getByRole('heading', { level: 2, name: `5. ${zh['report.sectionActions']}` }));
    const after = (await callApi(hub, 'GET', '/v1/reports?limit=100', { token })).body.items as { reportId: string; customerId?: string; period: { start: string } }[];
    const made = after.filter((r) => !before.some((b) => b.reportId === r.reportId));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ customerId: CUSTOMER, period: { start: startOfDayInZone(day, TENANT_ZONE) } });
    // Act: the same start on a fresh page reuses that report instead of running another
    const again = await open(`/customers/${CUSTOMER}/report`);
    await shows(again.getByRole('heading', { level: 2, name: `1. ${zh['report.sectionInsight']}` }));
    await again.getByLabel(zh['report.periodStart']).fill(day);
    await containsText(again.locator('header p.muted').first(), `${zh['report.period']}: ${formatDay(day, 'zh-CN')}`);
    // Assess
    expect(((await callApi(hub, 'GET', '/v1/reports?limit=100', { token })).body.items as unknown[]).length).toBe(after.length);
    await page.context().close();
    await again.context().close();
  });

  it('screenshots the panorama, the report and the inbox at desktop (1280×800) and phone (390×844) widths, with nothing wider than a phone', async () => {
    for (const [width, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const page = await open(`/customers/${CUSTOMER}`, { viewport });
      await expect.poll(() => itemsOf(page).count()).toBe(7);
      await shows(page.getByRole('complementary', { name: zh['panel.title'] }).locator('.insight-card').first());
      await page.screenshot({ path: `${SHOTS}/panorama-${width}.png`, fullPage: true });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
      await page.getByRole('link', { name: zh['panorama.openReport'] }).first().click();
      await shows(page.getByRole('heading', { level: 2, name: `5. ${zh['report.sectionActions']}` }));
      await page.screenshot({ path: `${SHOTS}/report-${width}.png`, fullPage: true });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
      await page.getByRole('link', { name: zh['nav.inbox'] }).click();
      await counts(page.locator('.inbox-item'), 1);
      await page.screenshot({ path: `${SHOTS}/inbox-${width}.png`, fullPage: true });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
      await page.context().close();
    }
  });

  it('has no serious or critical accessibility violations (axe-core) on any page, at desktop and phone widths', async () => {
    const found: string[] = [];
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await open(`/customers/${CUSTOMER}`, { viewport });
      await expect.poll(() => itemsOf(page).count()).toBe(7);
      found.push(...(await seriousAccessibilityViolations(page)).map((v) => `panorama ${viewport.width}: ${v}`));
      await page.getByRole('button', { name: zh['view.list'] }).click();
      found.push(...(await seriousAccessibilityViolations(page)).map((v) => `list ${viewport.width}: ${v}`));
      await page.getByRole('button', { name: zh['view.analysis'] }).click();
      found.push(...(await seriousAccessibilityViolations(page)).map((v) => `analysis ${viewport.width}: ${v}`));
      await page.goto(`${hub.url}/customers/${CUSTOMER}/report`);
      await shows(page.getByRole('heading', { level: 2, name: `5. ${zh['report.sectionActions']}` }));
      found.push(...(await seriousAccessibilityViolations(page)).map((v) => `report ${viewport.width}: ${v}`));
      await page.goto(`${hub.url}/unmatched`);
      await counts(page.locator('.inbox-item'), 1);
      found.push(...(await seriousAccessibilityViolations(page)).map((v) => `inbox ${viewport.width}: ${v}`));
      await page.context().close();
    }
    expect(found).toEqual([]);
  });

  it('is usable from the keyboard: the skip link comes first and lands in the main content', async () => {
    const page = await open(`/customers/${CUSTOMER}`);
    await expect.poll(() => itemsOf(page).count()).toBe(7);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: zh['nav.skip'] });
    await focused(skip);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(`document.querySelector('main').contains(document.activeElement)`)).toBe(true);
    await page.context().close();
  });

  it('assigns the unmatched e-mail to 宁波奥克斯 found by name, and it moves onto that timeline', async () => {
    // Prepare
    const page = await open('/unmatched');
    const [recordId] = seed.unmatchedRecordIds;
    const item = page.locator(`[data-record-id="${recordId}"]`);
    await containsText(item, '用私人邮箱发一下');
    // Act: search by part of the name, pick with the keyboard, assign
    await item.getByRole('combobox', { name: zh['inbox.assignLabel'] }).fill('奥克斯');
    await shows(item.getByRole('option', { name: new RegExp(DEMO_CUSTOMER.profile.name) }));
    await item.getByRole('combobox', { name: zh['inbox.assignLabel'] }).press('Enter');
    await item.getByRole('button', { name: zh['inbox.assignTo'].replace('{name}', DEMO_CUSTOMER.profile.name) }).click();
    // Assess: gone from the inbox, on the customer's timeline
    await counts(page.locator('.inbox-item'), 0);
    await page.getByRole('link', { name: zh['inbox.openTimeline'] }).click();
    await expect.poll(() => itemsOf(page).count()).toBe(8);
    expect(await recordIdsShown(page)).toContain(recordId);
    await containsText(timelineOf(page), '用私人邮箱发一下：下月用量');
    expect((await callApi(hub, 'GET', '/v1/unmatched', { token })).body.items).toEqual([]);
    await page.context().close();
  });

  it('switches to English and keeps the choice after a reload; Chinese is the default', async () => {
    // Prepare: no language chosen yet
    const page = await open(`/customers/${CUSTOMER}`, { language: null });
    await shows(page.getByRole('heading', { level: 2, name: zh['timeline.title'] }));
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    // Act
    await page.getByLabel(zh['nav.language']).selectOption('en');
    // Assess
    const en = MESSAGES.en;
    await shows(page.getByRole('heading', { level: 2, name: en['timeline.title'] }));
    await page.reload();
    await shows(page.getByRole('heading', { level: 2, name: en['timeline.title'] }));
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await shows(page.getByRole('region', { name: en['timeline.title'] }).getByRole('heading', { level: 3, name: new RegExp(en['day.yesterday'] + '|' + en['day.today'] + '|2026|202') }).first());
    await page.context().close();
  });

  it('signs in on the sign-in page with a pasted token and returns to the page asked for; refuses what is not a token', async () => {
    // Prepare: a tab without a token
    const context = await consoleContext(browser);
    const page = problems.watch(await context.newPage(), 'sign-in');
    await page.goto(`${hub.url}/customers/${CUSTOMER}`);
    await shows(page.getByRole('heading', { level: 1, name: zh['signIn.title'] }));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Act: something that is not a JWT
    await page.getByLabel(zh['signIn.token']).fill('not a token');
    await page.getByRole('button', { name: zh['signIn.submit'] }).click();
    await hasText(page.getByRole('alert'), zh['signIn.notAToken']);
    // Act: the token
    await page.getByLabel(zh['signIn.token']).fill(token);
    await page.getByRole('button', { name: zh['signIn.submit'] }).click();
    // Assess
    await shows(page.getByRole('heading', { level: 1, name: DEMO_CUSTOMER.profile.name }));
    expect(new URL(page.url()).pathname).toBe(`/customers/${CUSTOMER}`);
    // Act: sign out
    await page.getByRole('button', { name: zh['nav.signOut'] }).click();
    await shows(page.getByRole('heading', { level: 1, name: zh['signIn.title'] }));
    expect(await page.evaluate(`sessionStorage.getItem('commhub.token')`)).toBeNull();
    await context.close();
  });
});
