import { A15Report, type A15Input, type A15Narrative } from '../agents/a15-report.js';

/**
 * Puts a writer's words around the computed facts. Figures, risks, opportunities and customer
 * sections are taken from `input` as they are — a writer cannot change a number — and the whole
 * document is checked against the A15 schema.
 *
 * @example
 * const report = assembleReport(input, writeLocalReportNarrative(input), A15_LOCAL_WRITER);
 */
export function assembleReport(input: A15Input, narrative: A15Narrative, generatedBy: string): A15Report {
  return A15Report.parse({
    report_type: input.reportType,
    language: input.language,
    period: input.period,
    summary: narrative.summary,
    key_metrics: input.keyMetrics,
    highlights: narrative.highlights,
    risks: input.risks,
    opportunities: input.opportunities,
    ...(input.customerSections === undefined ? {} : { customer_sections: input.customerSections }),
    action_plan: narrative.action_plan,
    generated_by: generatedBy,
  });
}
