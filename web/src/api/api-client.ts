import type { Customer, CustomerSummary, Insight, InsightStatus, Me, NewTask, Page, RecordDetail, ReportDetail, Task, TimelineRecord } from './api-types.js';

/** An API answer other than 2xx, with the API's error body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiClientOptions {
  /** Base URL without `/v1`; `''` for the same origin (embedded mode). */
  readonly baseUrl: string;
  /** The bearer token, read on every call (it changes on sign-in). */
  readonly token: () => string | null;
  /** Called on 401: the token expired or was revoked. */
  readonly onUnauthorized: () => void;
}

export interface TimelineFilter {
  readonly types?: readonly string[];
  readonly intent?: readonly string[];
  readonly from?: string;
  readonly to?: string;
}

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** The v1 API calls the console makes: JSON in, JSON out, bearer token on each. */
export function createApiClient(options: ApiClientOptions) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${options.baseUrl}/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    // A gateway or proxy in between may answer in HTML or plain text: keep its status, not a SyntaxError.
    let parsed: unknown;
    try {
      parsed = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      if (response.ok) throw new ApiError(response.status, 'INVALID_RESPONSE', `the API answered ${response.status} with a body that is not JSON`);
    }
    if (!response.ok) {
      if (response.status === 401) options.onUnauthorized();
      const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new ApiError(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? `HTTP ${response.status}`);
    }
    return parsed as T;
  }
  const id = encodeURIComponent;
  return {
    me: () => call<Me>('GET', '/me'),
    customer: (customerId: string) => call<Customer>('GET', `/customers/${id(customerId)}`),
    searchCustomers: (q: string, limit = 10) => call<Page<CustomerSummary>>('GET', `/customers${query({ q, limit })}`),
    timeline: (customerId: string, filter: TimelineFilter, limit: number, cursor?: string) =>
      call<Page<TimelineRecord>>('GET', `/customers/${id(customerId)}/timeline${query({ types: filter.types?.join(','), intent: filter.intent?.join(','), from: filter.from, to: filter.to, limit, cursor })}`),
    record: (recordId: string) => call<RecordDetail>('GET', `/communications/${id(recordId)}`),
    insights: (customerId: string, status?: readonly InsightStatus[]) => call<Page<Insight>>('GET', `/customers/${id(customerId)}/insights${query({ status: status?.join(','), limit: 100 })}`),
    setInsightStatus: (insightId: string, status: Exclude<InsightStatus, 'new'>) => call<Insight>('PATCH', `/insights/${id(insightId)}`, { status }),
    tasks: (customerId: string, status?: readonly string[]) => call<Page<Task>>('GET', `/tasks${query({ customerId, status: status?.join(','), limit: 100 })}`),
    createTask: (task: NewTask) => call<{ task: Task; duplicate?: boolean }>('POST', '/tasks', task),
    updateTask: (taskId: string, patch: { status?: string }) => call<Task>('PATCH', `/tasks/${id(taskId)}`, patch),
    unmatched: (cursor?: string) => call<Page<TimelineRecord>>('GET', `/unmatched${query({ limit: 50, cursor })}`),
    assign: (recordId: string, customerId: string) => call<unknown>('POST', `/communications/${id(recordId)}/assign`, { customerId }),
    reports: (cursor?: string) => call<Page<ReportDetail>>('GET', `/reports${query({ limit: 100, cursor })}`),
    report: (reportId: string) => call<ReportDetail>('GET', `/reports/${id(reportId)}`),
    runCustomerReport: (customerId: string, periodStart?: string) => call<{ reportId: string }>('POST', '/reports', { type: 'customer', customerId, ...(periodStart ? { periodStart } : {}) }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
