import { useState } from 'preact/hooks';
import type { CustomerSummary, TimelineRecord } from '../api/api-types.js';
import { useApp } from '../app-context.js';
import { recordExcerpt, recordTitle, senderOf } from '../panorama/record-text.js';
import { followLink } from '../router.js';
import { formatDateTime } from '../time/format.js';
import { AnalysisBadges } from '../ui/badges.js';
import { ChannelIcon } from '../ui/channel-icon.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useAsync } from '../ui/use-async.js';
import { CustomerSearch } from './customer-search.js';

/** 未匹配收件箱: records no customer could be identified for, each assignable to a customer. */
export function InboxPage() {
  const { api, t } = useApp();
  const inbox = useAsync(() => api.unmatched(), []);
  const [assigned, setAssigned] = useState<{ recordId: string; customer: CustomerSummary }[]>([]);
  const done = new Set(assigned.map((a) => a.recordId));
  const items = (inbox.data?.items ?? []).filter((record) => !done.has(record.recordId));
  return (
    <div class="inbox-page">
      <h1>{t('inbox.title')}</h1>
      <p class="muted">{t('inbox.intro')}</p>
      {assigned.length > 0 && (
        <ul class="notice-list" aria-label={t('inbox.assignedList')}>
          {assigned.map(({ recordId, customer }) => (
            <li key={recordId} class="notice">
              {t('inbox.assignedTo', { name: customer.name })}{' '}
              <a href={`/customers/${encodeURIComponent(customer.customerId)}`} onClick={followLink}>{t('inbox.openTimeline')}</a>
            </li>
          ))}
        </ul>
      )}
      {inbox.error && <ErrorMessage error={inbox.error} />}
      {inbox.loading && !inbox.data && <p role="status">{t('common.loading')}</p>}
      {inbox.data && items.length === 0 && <p class="empty">{t('inbox.empty')}</p>}
      <ul class="inbox-list">
        {items.map((record) => (
          <InboxItem key={record.recordId} record={record} onAssigned={(customer) => setAssigned((previous) => [...previous, { recordId: record.recordId, customer }])} />
        ))}
      </ul>
    </div>
  );
}

function InboxItem({ record, onAssigned }: { record: TimelineRecord; onAssigned: (customer: CustomerSummary) => void }) {
  const { api, t, lang, timeZone, announce } = useApp();
  const [choice, setChoice] = useState<CustomerSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Error | null>(null);
  const title = recordTitle(record);
  const assign = async (event: Event) => {
    event.preventDefault();
    if (!choice) return;
    setBusy(true);
    setFailure(null);
    try {
      await api.assign(record.recordId, choice.customerId);
      announce(t('inbox.assignedTo', { name: choice.name }));
      onAssigned(choice);
    } catch (error) {
      setFailure(error as Error);
      setBusy(false);
    }
  };
  const searchId = `assign-${record.recordId}`;
  return (
    <li class="inbox-item" data-record-id={record.recordId}>
      <article aria-label={title}>
        <p class="timeline-meta">
          <ChannelIcon type={record.type} />
          <span class="channel-name">{t(`channel.${record.type}`)}</span>
          <time dateTime={record.occurredAt}>{formatDateTime(record.occurredAt, lang, timeZone)}</time>
          {senderOf(record) && <span>{senderOf(record)}</span>}
        </p>
        <h2 class="timeline-title">{title}</h2>
        <p class="timeline-excerpt">{recordExcerpt(record, 240)}</p>
        <AnalysisBadges record={record} />
        <form class="assign-form" onSubmit={(event) => void assign(event)}>
          <CustomerSearch id={searchId} label={t('inbox.assignLabel')} onPick={setChoice} />
          <button type="submit" class="button button-primary" disabled={!choice || busy}>
            {choice ? t('inbox.assignTo', { name: choice.name }) : t('inbox.assign')}
          </button>
        </form>
        {failure && <ErrorMessage error={failure} />}
      </article>
    </li>
  );
}
