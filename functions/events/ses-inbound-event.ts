/**
 * Where SES's S3 action stores inbound messages in the raw archive bucket (`inbound/<SES message
 * id>`); the receipt rule (CDK) and the embedded SMTP listener both use it.
 */
export const INBOUND_PREFIX = 'inbound/';

type Verdict = { readonly status: 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED' };

/** The part of SES's Lambda-action receipt event the hub reads (shape: shared/fixtures/email/ses). */
export interface SesInboundEvent {
  readonly Records: readonly {
    readonly eventSource: 'aws:ses';
    readonly eventVersion: string;
    readonly ses: {
      readonly mail: { readonly timestamp: string; readonly source: string; readonly messageId: string; readonly destination: readonly string[] };
      readonly receipt: {
        readonly timestamp: string;
        readonly recipients: readonly string[];
        readonly spamVerdict?: Verdict;
        readonly virusVerdict?: Verdict;
        readonly action: { readonly type: string; readonly invocationType?: string };
      };
    };
  }[];
}
