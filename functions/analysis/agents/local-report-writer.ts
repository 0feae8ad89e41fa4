import type { ReportWriter } from '../../core/ports/report-writer.js';
import { A15_LOCAL_WRITER } from '../../core/agents/a15-report.js';
import { writeLocalReportNarrative } from './a15-local-report.js';

/** A15 by rules only (embedded mode, `modelId: local`). */
export function createLocalReportWriter(): ReportWriter {
  return {
    write: async (input) => ({ narrative: writeLocalReportNarrative(input), model: A15_LOCAL_WRITER, modelCalls: 0 }),
  };
}
