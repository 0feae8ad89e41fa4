import type { HubDependencies } from '../dependencies.js';
import type { CustomerAgents } from '../ports/customer-agents.js';
import type { RawMailer } from '../ports/mailer.js';
import type { PeriodicRunStarter } from '../ports/periodic-run-starter.js';
import type { ReportWriter } from '../ports/report-writer.js';

/** The ports the periodic run (A11–A16) uses, on top of the hub's stores. */
export interface PeriodicRunDependencies extends HubDependencies {
  /** A11–A14: Bedrock with the local rules as fallback on AWS, the local rules in embedded mode. */
  readonly agents: CustomerAgents;
  /** `model id` or `local`: written into reports as who generated the narrative. */
  readonly agentsModel: string;
  /** A15's narrative: Bedrock with the local writer as fallback on AWS, the local writer in embedded mode. */
  readonly reportWriter: ReportWriter;
  readonly periodicRuns: PeriodicRunStarter;
  /** The report sender; `null` when no sender address is configured: reports are stored but not emailed. */
  readonly reportMail: { readonly from: string; readonly mailer: RawMailer } | null;
}
