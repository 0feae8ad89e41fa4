import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Web-first assertions for playwright-core locators on vitest's `expect.poll` (the matchers of
 * `@playwright/test` are not in playwright-core): each retries until it holds or 10 s have passed.
 */
const POLL = { timeout: 10_000, interval: 50 } as const;

export const shows = (locator: Locator) => expect.poll(() => locator.isVisible(), POLL).toBe(true);
export const hidden = (locator: Locator) => expect.poll(() => locator.isVisible(), POLL).toBe(false);
export const counts = (locator: Locator, count: number) => expect.poll(() => locator.count(), POLL).toBe(count);
export const hasText = (locator: Locator, text: string) => expect.poll(() => locator.textContent({ timeout: 2_000 }).catch(() => null), POLL).toBe(text);
export const containsText = (locator: Locator, text: string) => expect.poll(() => locator.textContent({ timeout: 2_000 }).catch(() => null), POLL).toContain(text);
export const focused = (locator: Locator) => expect.poll(() => locator.evaluate((element) => element === element.ownerDocument.activeElement, undefined, { timeout: 2_000 }).catch(() => false), POLL).toBe(true);
export const attribute = (locator: Locator, name: string, value: RegExp) => expect.poll(() => locator.getAttribute(name, { timeout: 2_000 }).catch(() => null), POLL).toMatch(value);
