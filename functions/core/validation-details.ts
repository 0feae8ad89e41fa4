import type { ErrorDetail } from './errors.js';
import type { core } from './zod.js';

type ZodError = core.$ZodError;

/** zod says "expected string, received undefined" for a missing field; integrators read "required". */
function issueMessage(issue: ZodError['issues'][number]): string {
  return issue.code === 'invalid_type' && issue.message.endsWith('received undefined') ? `required (${issue.expected})` : issue.message;
}

/** A zod error as the API's `details`: one `{ path, message }` per problem, the path dotted. */
export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issueMessage(issue) }));
}
