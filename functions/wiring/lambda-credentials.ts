/**
 * The AWS SDK's default credential provider, as CommHub's Lambda bundles have it: esbuild aliases
 * `@aws-sdk/credential-provider-node` to this module (`hubBundling`, lib/hub-function.ts). Lambda
 * hands a function its role's credentials in `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and
 * `AWS_SESSION_TOKEN` — the first link of the default chain — so the chain's other links (SSO,
 * profiles, processes, web identity, container and instance metadata, with the STS and SSO clients
 * they carry: ~130 KB) are never reached there, and are left out of the bundles.
 *
 * Embedded mode, tests and tools import the SDK unbundled and keep the whole chain.
 */
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
