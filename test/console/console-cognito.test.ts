import { createHash } from 'node:crypto';
import type { Browser, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import type { AwsConsoleConfig } from '../../web/console-config.js';
import { MESSAGES } from '../../web/src/i18n/messages.js';
import { consoleContext, launchChromium, PageProblems } from '../support/console-browser.js';
import { hasText, shows } from '../support/locator-expect.js';
import { startTestHub, tokenFor } from '../support/test-hub.js';

const zh = MESSAGES['zh-CN'];

/**
 * The AWS sign-in in a real browser: the console is told (config.json) it runs on AWS, and a stand-in
 * for the Cognito hosted UI — on the hub's own origin, so the console's CSP (connect-src 'self') lets
 * the token request through — checks the PKCE verifier against the challenge as Cognito does.
 */
describe('signing in through the Cognito hosted UI (authorization code + PKCE)', () => {
  let hub: RunningHub;
  let browser: Browser;
  let token: string;
  const problems = new PageProblems();

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startTestHub(), launchChromium()]);
    token = tokenFor(hub, 'T001');
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });
  afterEach(() => expect(problems.take()).toEqual([]));

  /** A tab on the AWS console whose hosted UI hands out `code` and, for the right verifier, the token. */
  async function awsConsole(options: { tamperState?: boolean } = {}) {
    const cognito = `${hub.url}/test-cognito`;
    const config: AwsConsoleConfig = { mode: 'aws', apiUrl: hub.url, auth: { domainUrl: cognito, clientId: 'console-client', scopes: ['openid', 'commhub/read'] } };
    const seen: { authorize?: URLSearchParams; token?: URLSearchParams } = {};
    const context = await consoleContext(browser);
    const page = problems.watch(await context.newPage(), 'cognito');
    await page.route(`${hub.url}/config.json`, (route) => route.fulfill({ json: config }));
    await page.route(`${cognito}/oauth2/authorize?*`, (route) => {
      seen.authorize = new URL(route.request().url()).searchParams;
      const state = options.tamperState ? 'forged-state' : seen.authorize.get('state')!;
      return route.fulfill({ status: 302, headers: { location: `${seen.authorize.get('redirect_uri')}?code=code-1&state=${encodeURIComponent(state)}` } });
    });
    await page.route(`${cognito}/oauth2/token`, (route: Route) => {
      seen.token = new URLSearchParams(route.request().postData() ?? '');
      const challenge = createHash('sha256').update(seen.token.get('code_verifier') ?? '').digest('base64url');
      const valid = seen.token.get('code') === 'code-1' && challenge === seen.authorize?.get('code_challenge') && seen.token.get('client_id') === 'console-client';
      return valid ? route.fulfill({ json: { access_token: token, id_token: 'id', token_type: 'Bearer', expires_in: 3600 } }) : route.fulfill({ status: 400, json: { error: 'invalid_grant' } });
    });
    return { page, seen };
  }

  it('goes to the hosted UI with an S256 challenge and state, swaps the code and verifier for a token, and lands on the page asked for', async () => {
    // Prepare
    const { page, seen } = await awsConsole();
    await page.goto(`${hub.url}/unmatched`);
    // Act
    await page.getByRole('button', { name: zh['signIn.withCognito'] }).click();
    // Assess
    await shows(page.getByRole('heading', { level: 1, name: zh['inbox.title'] }));
    expect(new URL(page.url()).pathname).toBe('/unmatched');
    expect(Object.fromEntries(seen.authorize!)).toMatchObject({
      response_type: 'code',
      client_id: 'console-client',
      redirect_uri: `${hub.url}/auth/callback`,
      scope: 'openid commhub/read',
      code_challenge_method: 'S256',
    });
    expect(seen.authorize!.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(seen.authorize!.get('state')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Object.fromEntries(seen.token!)).toMatchObject({ grant_type: 'authorization_code', code: 'code-1', redirect_uri: `${hub.url}/auth/callback` });
    expect(await page.evaluate(`sessionStorage.getItem('commhub.token')`)).toBe(token);
    expect(await page.evaluate(`sessionStorage.getItem('commhub.signin')`)).toBeNull();
    await page.context().close();
  });

  it('refuses a callback whose state is not the one this tab sent, and asks for no token', async () => {
    const { page, seen } = await awsConsole({ tamperState: true });
    await page.goto(`${hub.url}/`);
    await page.getByRole('button', { name: zh['signIn.withCognito'] }).click();
    await hasText(page.getByRole('alert'), `${zh['signIn.failed']}: the sign-in response does not match a sign-in started in this tab`);
    expect(seen.token).toBeUndefined();
    expect(await page.evaluate(`sessionStorage.getItem('commhub.token')`)).toBeNull();
    await page.context().close();
  });
});
