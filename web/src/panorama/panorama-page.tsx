import { useMemo, useState } from 'preact/hooks';
import { useApp } from '../app-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { LoadMore } from '../ui/load-more.js';
import { useAsync } from '../ui/use-async.js';
import { AnalysisView } from './analysis-view.js';
import { CustomerHeader } from './customer-header.js';
import { InsightPanel } from './insight-panel.js';
import { RecordDialog, type RecordFocus } from './record-dialog.js';
import { RecordListView } from './record-list-view.js';
import { isFiltered, NO_FILTER, timelineQueryOf, type FilterState } from './timeline-filter.js';
import { TimelineFilters } from './timeline-filters.js';
import { TimelineView } from './timeline-view.js';
import { useTimeline } from './use-timeline.js';

const VIEWS = ['timeline', 'list', 'analysis'] as const;
type View = (typeof VIEWS)[number];

/** Records per timeline page; `?pageSize=` overrides it (1–100). */
export const DEFAULT_PAGE_SIZE = 20;

/** 客户沟通全景图: the customer's standing, its filtered timeline (three views) and the AI panel. */
export function PanoramaPage({ customerId, pageSize = DEFAULT_PAGE_SIZE }: { customerId: string; pageSize?: number }) {
  const { api, t, timeZone } = useApp();
  const customer = useAsync(() => api.customer(customerId), [customerId]);
  const [filter, setFilter] = useState<FilterState>(NO_FILTER);
  const [view, setView] = useState<View>('timeline');
  const [opened, setOpened] = useState<{ recordId: string; focus: RecordFocus } | null>(null);
  const query = useMemo(() => timelineQueryOf(filter, timeZone, Date.now()), [filter, timeZone]);
  const timeline = useTimeline(customerId, query, pageSize);
  const reportHref = `/customers/${encodeURIComponent(customerId)}/report`;
  const open = (recordId: string, focus: RecordFocus) => setOpened({ recordId, focus });

  return (
    <div class="panorama">
      {customer.error && <ErrorMessage error={customer.error} />}
      {customer.data ? <CustomerHeader customer={customer.data} reportHref={reportHref} /> : !customer.error && <h1 class="placeholder">{t('common.loading')}</h1>}
      <div class="panorama-grid">
        <section class="timeline-column" aria-labelledby="timeline-title">
          <div class="section-head">
            <h2 id="timeline-title">{t('timeline.title')}</h2>
            <div class="view-switch" role="group" aria-label={t('view.label')}>
              {VIEWS.map((name) => (
                <button key={name} type="button" class="button button-toggle" aria-pressed={view === name} onClick={() => setView(name)}>
                  {t(`view.${name}`)}
                </button>
              ))}
            </div>
          </div>
          <TimelineFilters value={filter} onChange={setFilter} />
          <p class="muted small" role="status" aria-live="polite">
            {timeline.loading && timeline.items.length === 0
              ? t('common.loading')
              : t(timeline.hasMore ? 'timeline.shownMore' : 'timeline.shown', { count: timeline.items.length })}
          </p>
          {timeline.error && <ErrorMessage error={timeline.error} />}
          {!timeline.loading && timeline.items.length === 0 && !timeline.error && (
            <p class="empty">{isFiltered(filter) ? t('timeline.emptyFiltered') : t('timeline.empty')}</p>
          )}
          {view === 'timeline' && <TimelineView items={timeline.items} onOpen={open} />}
          {view === 'list' && <RecordListView items={timeline.items} onOpen={open} />}
          {view === 'analysis' && <AnalysisView items={timeline.items} customer={customer.data} complete={!timeline.hasMore} />}
          <LoadMore hasMore={timeline.hasMore} loading={timeline.loading && timeline.items.length > 0} onLoadMore={timeline.loadMore} />
        </section>
        <InsightPanel customerId={customerId} reportHref={reportHref} />
      </div>
      {opened && <RecordDialog recordId={opened.recordId} focus={opened.focus} onClose={() => setOpened(null)} />}
    </div>
  );
}
