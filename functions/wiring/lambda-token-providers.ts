import { setTokenFeature } from '@aws-sdk/core/client';
import { getBearerTokenEnvKey } from '@aws-sdk/core/httpAuthSchemes';
import { TokenProviderError } from '@smithy/core/config';
import type { Logger, TokenIdentity, TokenIdentityProvider } from '@smithy/types';

/**
 * The AWS SDK's bearer-token providers, as CommHub's Lambda bundles have them: esbuild aliases
 * `@aws-sdk/token-providers` to this module (`LAMBDA_MODULE_ALIASES`, lib/hub-function.ts). The
 * Bedrock client asks for a token only when `AWS_BEARER_TOKEN_BEDROCK` is set (a Bedrock API key);
 * otherwise it signs with the function's role. A Lambda has no SSO session, so the SSO link of the
 * default chain — and the SSO-OIDC client it carries (~17 KB) — is left out; the environment link
 * behaves as the SDK's.
 *
 * Embedded mode, tests and tools import the SDK unbundled and keep the whole chain.
 */

/** The token in `AWS_BEARER_TOKEN_<SIGNING NAME>`, as `@aws-sdk/token-providers`' own `fromEnvSigningName` reads it. */
export const fromEnvSigningName =
  ({ logger, signingName }: { logger?: Logger; signingName?: string } = {}): TokenIdentityProvider =>
  async () => {
    logger?.debug('@aws-sdk/token-providers - fromEnvSigningName (CommHub Lambda bundle)');
    if (!signingName) throw new TokenProviderError("Please pass 'signingName' to compute environment variable key", { logger });
    const key = getBearerTokenEnvKey(signingName);
    const value = process.env[key];
    if (value === undefined) throw new TokenProviderError(`Token not present in '${key}' environment variable`, { logger });
    const token: TokenIdentity = { token: value };
    setTokenFeature(token, 'BEARER_SERVICE_ENV_VARS', '3');
    return token;
  };

/** The default chain past the environment: SSO only, which a Lambda never has. */
export const nodeProvider = (): TokenIdentityProvider => async () => {
  throw new TokenProviderError('No bearer token: a CommHub Lambda function has no SSO session (set AWS_BEARER_TOKEN_BEDROCK, or let it sign with its role)', false);
};
