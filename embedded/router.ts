import { ROUTES, type RouteDefinition } from '../functions/http/routes.js';

export interface RouteMatch {
  readonly route: RouteDefinition;
  readonly pathParameters: Record<string, string>;
}

interface CompiledRoute {
  readonly route: RouteDefinition;
  readonly pattern: RegExp;
  readonly names: string[];
}

const compiled: CompiledRoute[] = ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
});

/**
 * Matches a request against the shared route table, as API Gateway does: `route` when found,
 * `methodNotAllowed` when the path exists with other methods, otherwise `notFound`.
 */
export function matchRoute(method: string, path: string): { route: RouteMatch } | { methodNotAllowed: string[] } | { notFound: true } {
  const allowed: string[] = [];
  for (const candidate of compiled) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    if (candidate.route.method !== method) {
      allowed.push(candidate.route.method);
      continue;
    }
    const pathParameters: Record<string, string> = {};
    try {
      candidate.names.forEach((name, i) => (pathParameters[name] = decodeURIComponent(match[i + 1] as string)));
    } catch {
      return { notFound: true };
    }
    return { route: { route: candidate.route, pathParameters } };
  }
  return allowed.length > 0 ? { methodNotAllowed: allowed } : { notFound: true };
}
