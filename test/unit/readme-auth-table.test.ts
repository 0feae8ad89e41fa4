import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTES, type RouteDefinition } from '../../functions/http/routes.js';

const ROUTE_LIST: readonly RouteDefinition[] = ROUTES;
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The rows of README's "Authentication and errors" table as `METHOD path → scope` (`public` / `signature` without one). */
function documentedRoutes(readme: string): string[] {
  const start = readme.indexOf('### Authentication and errors');
  if (start < 0) return [];
  const end = readme.indexOf('\n### ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE)` \| `([^`]+)` \| (.+?) \|$/gm)].map(([, method, path, scope]) => {
    const named = /`(commhub\/\w+)`/.exec(scope as string)?.[1];
    return `${method} ${path} → ${named ?? (/signature/.test(scope as string) ? 'signature' : 'public')}`;
  });
}

const expectedRow = (route: RouteDefinition) =>
  `${route.method} ${route.path} → ${route.scope ?? (route.path.startsWith('/v1/webhooks/') ? 'signature' : 'public')}`;

describe('README authentication table', () => {
  it('lists every route of ROUTES with the scope it needs, and nothing else', () => {
    // Act
    const documented = documentedRoutes(README);

    // Assess
    expect(documented.sort()).toEqual(ROUTE_LIST.map(expectedRow).sort());
  });

  it('reads a scope change out of the table (so the comparison can fail)', () => {
    // Prepare
    const altered = README.replace('| `GET` | `/v1/unmatched` | `commhub/read` |', '| `GET` | `/v1/unmatched` | `commhub/admin` |');

    // Act
    const documented = documentedRoutes(altered);

    // Assess
    expect(documented).toContain('GET /v1/unmatched → commhub/admin');
    expect(documented.sort()).not.toEqual(ROUTE_LIST.map(expectedRow).sort());
  });
});
