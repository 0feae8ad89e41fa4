import * as z from '../core/zod.js';
import type { RecordWorkflowDependencies } from '../core/workflow/record-workflow-dependencies.js';
import { MAX_REPLAY_DAYS, REPLAY_SELECTIONS, replayAnalyses } from '../core/workflow/replay-analyses.js';
import { httpRoute } from '../http/http-route.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a UTC day yyyy-mm-dd'));

export const ReplayBody = z.strictObject({
  from: Day,
  to: Day,
  select: z._default(z.enum(REPLAY_SELECTIONS), 'failed'),
  /** Names the replay: the same id again starts nothing twice. @default `replay-<request time>` */
  replayId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and -, at most 40'))),
  limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(1000)), 500),
});

/** `POST /v1/admin/replays` — re-runs the record workflow for a range of days (at most 31). */
export const build = (deps: RecordWorkflowDependencies) =>
  httpRoute(
    'replay-analyses',
    async (request) => {
      const body = request.json(ReplayBody);
      const replayId = body.replayId ?? `replay-${deps.clock.now().toISOString().replace(/\D/g, '').slice(0, 14)}`;
      const result = await replayAnalyses(deps, {
        tenantId: request.caller.tenantId,
        fromDay: body.from,
        toDay: body.to,
        select: body.select,
        replayId,
        limit: body.limit,
      });
      const targets = [{ type: 'replay', id: replayId }, ...result.started.map((id) => ({ type: 'communication', id }))];
      const after = { select: body.select, fromDay: body.from, toDay: body.to, examined: result.examined, started: result.started.length, truncated: result.truncated };
      return { statusCode: 202, body: { ...result, started: result.started.length, recordIds: result.started, maxDays: MAX_REPLAY_DAYS }, audit: { targets, after } };
    },
    { auditTo: deps },
  );

export const handler = onAwsWorkflow(build);
