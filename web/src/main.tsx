import { render } from 'preact';
import { parseConsoleConfig, type ConsoleConfig } from '../console-config.js';
import { App } from './app.js';
import { takeDevTokenFromFragment } from './auth/dev-token.js';
import { adoptHashRoute } from './router.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/print.css';

/** Fetches `/config.json` (which runtime this is), takes an embedded console link's token, renders. */
async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  let config: ConsoleConfig;
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    config = parseConsoleConfig(await response.json());
  } catch (error) {
    root.textContent = `CommHub console: cannot read /config.json (${(error as Error).message})`;
    return;
  }
  if (config.mode === 'embedded') takeDevTokenFromFragment(window, sessionStorage);
  adoptHashRoute();
  render(<App config={config} />, root);
}

void start();
