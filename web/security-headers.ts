/**
 * The security headers every console response carries, in both runtimes: the embedded server sends
 * them itself, the CDK hosting construct puts them in a CloudFront response headers policy.
 * Dependency-free on purpose (imported by the CDK app, the embedded server and tests).
 */

export interface ConsoleCspOptions {
  /** Origins the app may `fetch` besides its own: the API (on AWS) and the Cognito domain (token endpoint). */
  readonly connectOrigins?: readonly string[];
  /** Origins of presigned S3 URLs for recordings (`<audio>`) and image attachments (`<img>`). */
  readonly mediaOrigins?: readonly string[];
  /**
   * Adds `upgrade-insecure-requests`. On for HTTPS hosting; off for the embedded hub on plain
   * `http://127.0.0.1`, where it would turn the hub's own asset requests into failing HTTPS ones.
   * @default false
   */
  readonly upgradeInsecureRequests?: boolean;
}

/** One year, with subdomains: what HSTS preload lists ask for. */
export const HSTS_MAX_AGE_SECONDS = 31_536_000;
export const STRICT_TRANSPORT_SECURITY = `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`;
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
export const FRAME_OPTIONS = 'DENY';
/** The console uses no device features; denying them also keeps an injected script from asking. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()';

const unique = (origins: readonly string[] = []) => [...new Set(origins.map((origin) => new URL(origin).origin))];

/**
 * The Content-Security-Policy: everything from the console's own origin, no inline script or style
 * and no `eval` (the build emits none), no framing (clickjacking), plus the given API, Cognito and S3
 * origins where the app needs them.
 *
 * @example
 *   contentSecurityPolicy({ connectOrigins: ['https://api.example.com'], mediaOrigins: ['https://bucket.s3.eu-west-1.amazonaws.com'] })
 */
export function contentSecurityPolicy(options: ConsoleCspOptions = {}): string {
  const connect = unique(options.connectOrigins);
  const media = unique(options.mediaOrigins);
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    ['img-src', "'self'", 'data:', ...media].join(' '),
    ['media-src', "'self'", ...media].join(' '),
    ['connect-src', "'self'", ...connect].join(' '),
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.upgradeInsecureRequests ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/**
 * All console security headers by (lower-case) name, ready for `response.writeHead`.
 * CloudFront takes the same values in its response headers policy (HSTS, frame options, referrer
 * policy, content-type options and CSP as security headers; Permissions-Policy as a custom header).
 */
export function consoleSecurityHeaders(options: ConsoleCspOptions = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    'strict-transport-security': STRICT_TRANSPORT_SECURITY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': FRAME_OPTIONS,
    'referrer-policy': REFERRER_POLICY,
    'permissions-policy': PERMISSIONS_POLICY,
  };
}
