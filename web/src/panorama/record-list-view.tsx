import type { TimelineRecord } from '../api/api-types.js';
import { useApp } from '../app-context.js';
import { Badge } from '../ui/badges.js';
import { ChannelIcon } from '../ui/channel-icon.js';
import { formatDateTime, formatDuration } from '../time/format.js';
import type { OpenRecord } from './timeline-view.js';
import { recordTitle } from './record-text.js';

/** The same records as a dense table, one row each. */
export function RecordListView({ items, onOpen }: { items: readonly TimelineRecord[]; onOpen: OpenRecord }) {
  const { t, lang, timeZone } = useApp();
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={t('view.list')}>
      <table class="record-table">
        <thead>
          <tr>
            <th scope="col">{t('record.time')}</th>
            <th scope="col">{t('record.channel')}</th>
            <th scope="col">{t('record.summary')}</th>
            <th scope="col">{t('badge.intent')}</th>
            <th scope="col">{t('badge.sentiment')}</th>
            <th scope="col">{t('badge.urgency')}</th>
            <th scope="col">{t('record.duration')}</th>
            <th scope="col">{t('record.attachments')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((record) => {
            const { intent, sentiment, urgency } = record.analysis;
            return (
              <tr key={record.recordId} data-record-id={record.recordId}>
                <td class="nowrap">
                  <time dateTime={record.occurredAt}>{formatDateTime(record.occurredAt, lang, timeZone)}</time>
                </td>
                <td class="nowrap">
                  <ChannelIcon type={record.type} /> {t(`channel.${record.type}`)}
                </td>
                <td>
                  <button type="button" class="link-button" onClick={() => onOpen(record.recordId, 'details')}>{recordTitle(record)}</button>
                </td>
                <td>{intent && <Badge tone={intent.category === 'complaint' ? 'bad' : 'intent'}>{t(`intent.${intent.category}`)}</Badge>}</td>
                <td>{sentiment && <Badge tone={{ positive: 'good', neutral: 'plain', negative: 'bad' }[sentiment.overall]}>{t(`sentiment.${sentiment.overall}`)}</Badge>}</td>
                <td>{urgency && <Badge tone={{ high: 'bad', medium: 'warn', low: 'info' }[urgency.level]}>{t(`urgency.${urgency.level}`)}</Badge>}</td>
                <td class="nowrap">{record.durationSeconds !== undefined ? formatDuration(record.durationSeconds) : '—'}</td>
                <td>{record.attachments.length || '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
