import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ReportDetail } from '../api/api-types.js';
import { useApp } from '../app-context.js';
import { addDays, dayInZone, startOfDayInZone } from '../time/zoned-day.js';

const POLL_MS = 700;

export interface CustomerReportState {
  readonly report: ReportDetail | undefined;
  /** A report is being generated (`POST /v1/reports` answered, not ready yet). */
  readonly running: boolean;
  readonly error: Error | undefined;
  /** Runs a new report for the same period. */
  readonly regenerate: () => void;
}

/**
 * The customer's report for a period: the newest ready one already there (reports are not cheap:
 * A11–A15 run for it), else a new run, polled until ready. `periodStartDay` empty = the last 30 days.
 */
export function useCustomerReport(customerId: string, periodStartDay: string): CustomerReportState {
  const { api, timeZone } = useApp();
  const [report, setReport] = useState<ReportDetail | undefined>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const generation = useRef(0);

  const poll = useCallback(
    async (reportId: string, id: number) => {
      for (;;) {
        const current = await api.report(reportId);
        if (id !== generation.current) return;
        if (current.status !== 'running') {
          setReport(current);
          setRunning(false);
          if (current.status === 'failed') setError(new Error(current.failureReason ?? 'report failed'));
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
    [api],
  );

  const run = useCallback(
    async (reuse: boolean) => {
      const id = ++generation.current;
      setError(undefined);
      try {
        // A chosen start names its period; otherwise "the last 30 days" is a period ending tonight.
        const wanted = periodStartDay
          ? { start: startOfDayInZone(periodStartDay, timeZone) }
          : { end: startOfDayInZone(addDays(dayInZone(Date.now(), timeZone), 1), timeZone) };
        if (reuse) {
          const existing = await findReport(api, customerId, wanted);
          if (id !== generation.current) return;
          if (existing) {
            setReport(await api.report(existing.reportId));
            return;
          }
        }
        setRunning(true);
        const { reportId } = await api.runCustomerReport(customerId, periodStartDay || undefined);
        await poll(reportId, id);
      } catch (failure) {
        if (id !== generation.current) return;
        setRunning(false);
        setError(failure as Error);
      }
    },
    [api, customerId, periodStartDay, timeZone, poll],
  );

  useEffect(() => {
    setReport(undefined);
    void run(true);
    return () => {
      generation.current++;
    };
  }, [run]);

  return { report, running, error, regenerate: () => void run(false) };
}

/** The newest ready report of this customer for the period (by its start, or by its end). */
async function findReport(api: ReturnType<typeof useApp>['api'], customerId: string, period: { start?: string; end?: string }): Promise<ReportDetail | undefined> {
  const page = await api.reports();
  return page.items
    .filter((r) => r.type === 'customer' && r.customerId === customerId && r.status === 'ready')
    .filter((r) => (period.start === undefined || r.period.start === period.start) && (period.end === undefined || r.period.end === period.end))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}
