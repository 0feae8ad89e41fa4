import * as z from 'zod';
import { isTimeZone } from '../reports/zoned-time.js';

const secret = z.string().min(8, 'a secret of at least 8 characters');

/**
 * A tenant's settings: who its staff are (internal domains), where its mail arrives, who gets its
 * reports, and the secrets its webhook senders sign with. Embedded mode reads them from the
 * `COMMHUB_TENANTS_FILE` JSON file; on AWS from a Secrets Manager secret of the same shape.
 */
export const TenantSettings = z
  .object({
    name: z.string().min(1).max(200),
    timezone: z
      .string()
      .refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai')
      .default('Asia/Shanghai'),
    internalDomains: z.array(z.string().min(3).toLowerCase()).default([]),
    /** Addresses whose inbound mail belongs to this tenant (SES recipients, the embedded SMTP listener). */
    inboundAddresses: z.array(z.string().email().toLowerCase()).default([]),
    reportRecipients: z.array(z.string().email()).default([]),
    /** The language reports, insights and risk indicators are written in. */
    language: z.enum(['zh', 'en']).default('zh'),
    competitors: z.array(z.string().min(1)).default([]),
    /**
     * When records go to the model (where one is configured): `tiered` asks it only where the local
     * rules are unsure or the text is long — most short chat messages are settled by the rules at no
     * model cost; `always` sends every record with text worth analysing.
     */
    modelPolicy: z.enum(['tiered', 'always']).default('tiered'),
    /** Opt-in: also mask personal data (ID, card, phone numbers, emails) in stored record bodies, not only in what models see. */
    redactStoredContent: z.boolean().default(false),
    /**
     * Days communication records are kept, counted from when they happened; older ones are deleted
     * (with their attachments, raw payloads, tasks and alerts) by the daily retention sweep. Absent =
     * kept forever.
     */
    /**
     * On AWS, the Cognito app clients (client credentials) whose tokens act for this tenant: the
     * pre-token-generation trigger puts this tenant into their access tokens. A client id may belong to
     * one tenant only.
     */
    machineClientIds: z.array(z.string().min(1)).default([]),
    retentionDays: z.number().int().min(1, 'at least 1 day').max(36_500, 'at most 100 years').optional(),
    webhooks: z
      .object({
        telephony: z.object({ secret }).optional(),
        /** `instanceArns`: the Amazon Connect instances whose EventBridge contact events belong to this tenant (AWS). */
        connect: z.object({ secret, instanceArns: z.array(z.string().startsWith('arn:')).optional() }).optional(),
        zoom: z.object({ secretToken: secret }).optional(),
        wecom: z.object({ token: z.string().min(1), encodingAesKey: z.string().length(43), corpId: z.string().min(1) }).optional(),
        dingtalk: z.object({ token: z.string().min(1), aesKey: z.string().length(43), ownerKey: z.string().min(1) }).optional(),
        tencentMeeting: z.object({ token: z.string().min(1), encodingAesKey: z.string().optional() }).optional(),
        teams: z.object({ clientState: secret }).optional(),
      })
      .default({}),
  })
  .strict();
export type TenantSettings = z.infer<typeof TenantSettings>;

/** The whole settings document: `{ "tenants": { "T001": { … } } }`. */
export const TenantSettingsDocument = z
  .object({ tenants: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'tenant ids: letters, digits, _ and -'), TenantSettings) })
  .strict()
  .superRefine((document, context) => {
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
  });
export type TenantSettingsDocument = z.infer<typeof TenantSettingsDocument>;
