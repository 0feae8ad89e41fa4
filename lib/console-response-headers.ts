import { Duration, Token } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { consoleSecurityHeaders, type ConsoleCspOptions } from '../web/security-headers.js';

/** The origins the console's CSP allows besides its own; any of them may hold CDK tokens. */
export interface ConsoleCspOrigins {
  /** `connect-src`: the API and the Cognito domain (token endpoint). */
  readonly connect: readonly string[];
  /** `img-src` and `media-src`: where presigned recording and attachment URLs point. */
  readonly media: readonly string[];
}

/**
 * A CloudFront response headers policy carrying exactly the headers `consoleSecurityHeaders`
 * (web/security-headers.ts) gives the embedded hub's console, so both runtimes send the same ones:
 * CSP, HSTS, nosniff, frame options and referrer policy as CloudFront security headers, every other
 * header (Permissions-Policy) as a custom header. Each overrides whatever the origin sends.
 */
export function consoleResponseHeadersPolicy(scope: Construct, id: string, origins: ConsoleCspOrigins): cloudfront.ResponseHeadersPolicy {
  const {
    'content-security-policy': csp,
    'strict-transport-security': hsts,
    'x-content-type-options': contentTypeOptions,
    'x-frame-options': frameOption,
    'referrer-policy': referrerPolicy,
    ...customHeaders
  } = securityHeadersWithTokens({ connectOrigins: origins.connect, mediaOrigins: origins.media, upgradeInsecureRequests: true });
  if (csp === undefined || hsts === undefined || contentTypeOptions !== 'nosniff' || frameOption === undefined || referrerPolicy === undefined) {
    throw new Error('consoleSecurityHeaders must give CSP, HSTS, nosniff, frame options and referrer policy');
  }
  return new cloudfront.ResponseHeadersPolicy(scope, id, {
    comment: 'CommHub web console security headers (web/security-headers.ts)',
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
      strictTransportSecurity: { ...strictTransportSecurity(hsts), override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: oneOf(Object.values(cloudfront.HeadersFrameOption), frameOption, 'x-frame-options'), override: true },
      referrerPolicy: { referrerPolicy: oneOf(Object.values(cloudfront.HeadersReferrerPolicy), referrerPolicy, 'referrer-policy'), override: true },
    },
    customHeadersBehavior: {
      customHeaders: Object.entries(customHeaders).map(([header, value]) => ({ header: headerCase(header), value, override: true })),
    },
  });
}

/**
 * `consoleSecurityHeaders` normalises each origin with `new URL`, which refuses an unresolved token
 * (`https://${Token[…]}.s3…`): build the headers with a stand-in origin per token, then put the
 * tokens back, so the CSP resolves to the deployed bucket, domain and API.
 */
function securityHeadersWithTokens(options: ConsoleCspOptions): Record<string, string> {
  const standIns = new Map<string, string>();
  const standIn = (origin: string) => {
    if (!Token.isUnresolved(origin)) return origin;
    const placeholder = `https://token-${standIns.size}.invalid`;
    standIns.set(placeholder, origin);
    return placeholder;
  };
  const headers = consoleSecurityHeaders({
    ...options,
    connectOrigins: options.connectOrigins?.map(standIn),
    mediaOrigins: options.mediaOrigins?.map(standIn),
  });
  const restore = (value: string) => [...standIns].reduce((text, [placeholder, origin]) => text.split(placeholder).join(origin), value);
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, restore(value)]));
}

function strictTransportSecurity(header: string): Omit<cloudfront.ResponseHeadersStrictTransportSecurity, 'override'> {
  const maxAge = /max-age=(\d+)/i.exec(header)?.[1];
  if (maxAge === undefined) throw new Error(`strict-transport-security "${header}" has no max-age`);
  return {
    accessControlMaxAge: Duration.seconds(Number(maxAge)),
    includeSubdomains: /;\s*includeSubDomains/i.test(header),
    preload: /;\s*preload/i.test(header),
  };
}

function oneOf<T extends string>(allowed: readonly T[], value: string, header: string): T {
  const found = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (found === undefined) throw new Error(`${header} "${value}" is not one CloudFront offers: ${allowed.join(', ')}`);
  return found;
}

/** `permissions-policy` → `Permissions-Policy` (header names are case-insensitive; this is how they are usually written). */
const headerCase = (name: string) => name.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);
