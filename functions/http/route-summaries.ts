import type { RouteId } from './routes.js';

/**
 * Each route's one-line description, for the OpenAPI document only (openapi.ts): kept apart from
 * `ROUTES`, which every API function's bundle holds, so the functions do not carry the documentation.
 */
export const ROUTE_SUMMARIES: Readonly<Record<RouteId, string>> = {
  health: 'Liveness of the API.',
  'get-openapi': 'This API described as OpenAPI 3.1, generated from the route list and the zod schemas the handlers parse with.',
  'create-communication': 'Ingest one communication record in canonical form (idempotent per source record).',
  'get-communication': 'One communication record by id.',
  'get-timeline': "A customer's timeline, newest first, filtered and paginated by cursor.",
  'list-customers': "The tenant's customers sorted by name, or those q finds by part of a name (any part of a Chinese one), a domain or an email address; cursor pages.",
  'put-customer': 'Create or replace a customer profile and its identities (emails, domains, phones, WeCom ids).',
  'get-customer': 'A customer profile with its overview: last contact, health score and stage, communication and sentiment trends, open risk alerts.',
  'create-communications-batch': 'Ingest up to 500 communications (backfill, import) with a result per item.',
  'assign-communication': "Move a record (typically from the unmatched inbox) onto a customer's timeline and learn the sender's identities.",
  'replay-analyses': 'Re-run the record workflow for records of a time range whose analysis failed (or all of them), idempotently by replay id.',
  'list-unmatched': 'Records no customer could be identified for, newest first.',
  'list-customer-insights': "A customer's insights, risks, opportunities and alerts, newest first; filters type and status (comma-separated), paginated by cursor.",
  'update-insight': 'Handle an insight: status new → read → acted or dismissed, recording who, when and a note; 409 for a move the lifecycle forbids.',
  'list-tasks':
    "Follow-up tasks of an assignee (me = the caller) and/or a customer — at least one; both = that customer's tasks of that assignee. Due soonest first (an assignee's grouped by status); status filter, cursor pages.",
  'create-task':
    'Create a task on a customer (due by priority in the tenant zone unless given; assigned to the owner, else the caller); idempotent by idempotencyKey (409 when the key was used for a different task).',
  'update-task': 'Work a task: status open / in_progress / done / cancelled (completedAt set when done; 409 for a forbidden move), reassign (me = the caller), due time, note.',
  'create-upload': 'A presigned PUT URL for a recording or photo, to reference from a communication.',
  'receive-webhook': "A vendor's webhook delivery (WeCom, Zoom, Teams, Tencent Meeting, DingTalk, telephony, Connect), authenticated by the vendor's signature.",
  'verify-webhook': "A vendor's webhook URL verification (WeCom echostr, DingTalk, Tencent Meeting check_str).",
  'create-report': 'Run a daily, weekly, monthly or customer report now, for the tenant or one customer (agents A11-A15); 202 with the report id to poll.',
  'get-report': 'One report: status, period, counts, and once ready its Markdown, HTML and A15 document (JSON sections).',
  'list-reports': "The tenant's reports, newest first.",
  'delete-communication':
    'Delete one record for good (privacy request): its raw payloads, body, attachments no other record uses, tasks, alert, evidence in insights; a tombstone refuses its redelivery. Ids and counts of what went.',
  'delete-customer':
    'Delete a customer for good (privacy request): every record as above, insights, tasks, risk episodes, its reports and its part of tenant-wide ones, identities and profile. 200 when done, 202 when the call ran out of time (repeat it).',
  'get-caller': "Who the caller is: tenant, principal (sub), CommHub scopes, and the tenant's time zone and language.",
  'list-audit': "The tenant's audit log of mutating API calls (who, what, when, ids before and after), newest first; filters from, to, principal, action.",
};
