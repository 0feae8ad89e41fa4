import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const WEB_DIR = dirname(fileURLToPath(import.meta.url));
const ENTRY = join(WEB_DIR, 'src', 'main.tsx');
const HTML_TEMPLATE = join(WEB_DIR, 'index.html');
const FAVICON = join(WEB_DIR, 'favicon.svg');

export interface BuildConsoleOptions {
  /** Where `index.html` and `assets/` are written; `assets/` is emptied first. */
  readonly outdir: string;
  /** @default true */
  readonly minify?: boolean;
}

/**
 * Builds the web console: `index.html` plus content-hashed `assets/*.js|css`, so everything but
 * `index.html` can be cached for a year. The HTML has no inline script or style (the console's CSP
 * is `default-src 'self'`) and refers to assets by absolute path, since the router serves deep
 * paths such as `/auth/callback` with the same file.
 *
 * @returns the files written, relative to `outdir` (`index.html`, `assets/main-<hash>.js`, …)
 * @example
 *   const { files } = await buildConsole({ outdir: 'web/dist' });
 */
export async function buildConsole(options: BuildConsoleOptions): Promise<{ files: string[] }> {
  const outdir = resolve(options.outdir);
  const assetsDir = join(outdir, 'assets');
  await rm(assetsDir, { recursive: true, force: true });
  await mkdir(assetsDir, { recursive: true });
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    target: 'es2020',
    platform: 'browser',
    minify: options.minify ?? true,
    sourcemap: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: assetsDir,
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    absWorkingDir: WEB_DIR,
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => join(WEB_DIR, file));
  const script = outputs.find((file) => file.endsWith('.js'));
  const style = outputs.find((file) => file.endsWith('.css'));
  if (!script || !style) throw new Error(`console build produced no script or stylesheet: ${outputs.join(', ')}`);
  const href = (file: string) => `/${relative(outdir, file).split('\\').join('/')}`;
  const html = (await readFile(HTML_TEMPLATE, 'utf8'))
    .replace('<!--console-style-->', `<link rel="stylesheet" href="${href(style)}">`)
    .replace('<!--console-script-->', `<script type="module" src="${href(script)}"></script>`);
  await writeFile(join(outdir, 'index.html'), html);
  // A browser asks for an icon whatever the page says; having one keeps its 404 out of the console.
  await copyFile(FAVICON, join(outdir, 'favicon.svg'));
  return { files: ['index.html', 'favicon.svg', ...outputs.map((file) => relative(outdir, file).split('\\').join('/'))] };
}
