import { execFile } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { decodePng, type DecodedPng } from './png-decode.js';

const CHROMIUM = process.env.COMMHUB_CHROMIUM ?? '/usr/bin/chromium';
const run = promisify(execFile);

/** Screenshots the HTML in headless Chromium at 1 CSS px per pixel. */
export async function screenshot(html: string, dir: string, name: string): Promise<DecodedPng> {
  // A missing browser fails the test, never skips it: the chart would go unchecked.
  await access(CHROMIUM).catch(() => {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set COMMHUB_CHROMIUM to a Chromium binary)`);
  });
  const page = join(dir, `${name}.html`);
  const png = join(dir, `${name}.png`);
  await writeFile(page, html);
  await run(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--force-device-scale-factor=1',
      `--user-data-dir=${join(dir, `profile-${name}`)}`,
      `--screenshot=${png}`,
      '--window-size=800,2400',
      pathToFileURL(page).href,
    ],
    { timeout: 90_000 },
  );
  return decodePng(await readFile(png));
}

