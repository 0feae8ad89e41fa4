import { access, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.COMMHUB_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Debian's headless Chromium driven by playwright-core (which never downloads a browser here).
 * A missing browser fails the suite with how to install it; it is never skipped.
 */
export async function launchChromium(): Promise<Browser> {
  await access(CHROMIUM).catch(() => {
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`bash scripts/ensure-chromium.sh\` (or set COMMHUB_CHROMIUM to a Chromium binary)`);
  });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/**
 * Everything a page reports as wrong: console errors (a CSP violation or a failed request shows up
 * there too) and uncaught exceptions. The suite fails on any.
 */
export class PageProblems {
  readonly seen: string[] = [];

  watch(page: Page, label: string): Page {
    page.on('console', (message) => {
      if (message.type() === 'error') this.seen.push(`${label}: console error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => this.seen.push(`${label}: page error: ${error.message}`));
    return page;
  }

  /** The problems seen since the last call, and forgets them. */
  take(): string[] {
    return this.seen.splice(0);
  }
}

export interface ConsoleContextOptions {
  readonly viewport?: { width: number; height: number };
  /**
   * The console language, set before the app starts (`null`: leave the default and the user's choice alone).
   * @default 'zh-CN'
   */
  readonly language?: 'zh-CN' | 'en' | null;
}

/**
 * A browser context as a staff member far from the tenant would have it: the browser's zone is Los
 * Angeles while the tenant's is Shanghai, so a console that used the browser's zone would show other days.
 */
export async function consoleContext(browser: Browser, options: ConsoleContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: options.viewport ?? DESKTOP, timezoneId: 'America/Los_Angeles', locale: 'en-US' });
  // Fail a step in seconds, not at the test's timeout, so the failure names the step.
  context.setDefaultTimeout(10_000);
  const language = options.language === undefined ? 'zh-CN' : options.language;
  // Init scripts run through DevTools, not the page, so the console's CSP does not apply to them.
  if (language) await context.addInitScript(`localStorage.getItem('commhub.language') || localStorage.setItem('commhub.language', ${JSON.stringify(language)});`);
  return context;
}

let axeSource: Promise<string> | undefined;

/** axe-core's violations of impact serious or critical on the page as it is now (WCAG 2.1 A/AA and best practices). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through DevTools like an init script: the page's CSP (no inline script) still holds for the app.
  await page.evaluate(await axeSource);
  const violations = (await page.evaluate(`
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }).then((result) =>
      result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))
  `)) as { id: string; impact: string | null; help: string; targets: string[] }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(', ')}`);
}
