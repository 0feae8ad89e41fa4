import * as z from '../zod.js';
import { isTimeZone } from '../reports/zoned-time.js';

const secret = z.string().check(z.minLength(8, 'a secret of at least 8 characters'));

/**
 * A tenant's settings: who its staff are (internal domains), where its mail arrives, who gets its
 * reports, and the secrets its webhook senders sign with. Embedded mode reads them from the
 * `COMMHUB_TENANTS_FILE` JSON file; on AWS from a Secrets Manager secret of the same shape.
 */
export const TenantSettings = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  timezone: z._default(z.string().check(z.refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai')), 'Asia/Shanghai'),
  internalDomains: z._default(z.array(z.string().check(z.minLength(3), z.toLowerCase())), []),
  /** Addresses whose inbound mail belongs to this tenant (SES recipients, the embedded SMTP listener). */
  inboundAddresses: z._default(z.array(z.string().check(z.email(), z.toLowerCase())), []),
  reportRecipients: z._default(z.array(z.string().check(z.email())), []),
  /** The language reports, insights and risk indicators are written in. */
  language: z._default(z.enum(['zh', 'en']), 'zh'),
  competitors: z._default(z.array(z.string().check(z.minLength(1))), []),
  /**
   * When records go to the model (where one is configured): `tiered` asks it only where the local
   * rules are unsure or the text is long — most short chat messages are settled by the rules at no
   * model cost; `always` sends every record with text worth analysing.
   */
  modelPolicy: z._default(z.enum(['tiered', 'always']), 'tiered'),
  /** Opt-in: also mask personal data (ID, card, phone numbers, emails) in stored record bodies, not only in what models see. */
  redactStoredContent: z._default(z.boolean(), false),
  /**
   * On AWS, the Cognito app clients (client credentials) whose tokens act for this tenant: the
   * pre-token-generation trigger puts this tenant into their access tokens. A client id may belong to
   * one tenant only.
   */
  machineClientIds: z._default(z.array(z.string().check(z.minLength(1))), []),
  /**
   * Days communication records are kept, counted from when they happened; older ones are deleted
   * (with their attachments, raw payloads, tasks and alerts) by the daily retention sweep. Absent =
   * kept forever.
   */
  retentionDays: z.optional(z.number().check(z.int(), z.gte(1, 'at least 1 day'), z.lte(36_500, 'at most 100 years'))),
  webhooks: z._default(
    z.object({
      telephony: z.optional(z.object({ secret })),
      /** `instanceArns`: the Amazon Connect instances whose EventBridge contact events belong to this tenant (AWS). */
      connect: z.optional(z.object({ secret, instanceArns: z.optional(z.array(z.string().check(z.startsWith('arn:')))) })),
      zoom: z.optional(z.object({ secretToken: secret })),
      wecom: z.optional(z.object({ token: z.string().check(z.minLength(1)), encodingAesKey: z.string().check(z.length(43)), corpId: z.string().check(z.minLength(1)) })),
      dingtalk: z.optional(z.object({ token: z.string().check(z.minLength(1)), aesKey: z.string().check(z.length(43)), ownerKey: z.string().check(z.minLength(1)) })),
      tencentMeeting: z.optional(z.object({ token: z.string().check(z.minLength(1)), encodingAesKey: z.optional(z.string()) })),
      teams: z.optional(z.object({ clientState: secret })),
    }),
    {},
  ),
});
export type TenantSettings = z.infer<typeof TenantSettings>;

/** The whole settings document: `{ "tenants": { "T001": { … } } }`. */
export const TenantSettingsDocument = z
  .strictObject({ tenants: z.record(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'tenant ids: letters, digits, _ and -')), TenantSettings) })
  .check(
    z.superRefine((document, context) => {
      // A machine client acting for two tenants would make its tokens' tenant a matter of lookup order.
      const owner = new Map<string, string>();
      for (const [tenantId, settings] of Object.entries(document.tenants)) {
        for (const clientId of settings.machineClientIds) {
          const other = owner.get(clientId);
          if (other !== undefined) {
            context.addIssue({ code: 'custom', path: ['tenants', tenantId, 'machineClientIds'], message: `client ${clientId} is already listed by tenant ${other}` });
          }
          owner.set(clientId, tenantId);
        }
      }
    }),
  );
export type TenantSettingsDocument = z.infer<typeof TenantSettingsDocument>;
