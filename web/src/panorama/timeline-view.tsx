import type { TimelineRecord } from '../api/api-types.js';
import { useApp } from '../app-context.js';
import { AnalysisBadges } from '../ui/badges.js';
import { ChannelIcon } from '../ui/channel-icon.js';
import { formatDay, formatDuration, formatTime } from '../time/format.js';
import { groupByDay, type DayLabel } from '../time/zoned-day.js';
import type { RecordFocus } from './record-dialog.js';
import { hasRecording, hasTranscript, recordExcerpt, recordTitle } from './record-text.js';

export type OpenRecord = (recordId: string, focus: RecordFocus) => void;

/** The records grouped by the tenant's local day, newest first: 今天 / 昨天 / the date. */
export function TimelineView({ items, onOpen }: { items: readonly TimelineRecord[]; onOpen: OpenRecord }) {
  const { t, lang, timeZone } = useApp();
  const dayName = (label: DayLabel, day: string) => (label.kind === 'date' ? formatDay(day, lang) : t(`day.${label.kind}`));
  return (
    <div class="timeline">
      {groupByDay(items, timeZone, Date.now()).map((group) => (
        <section key={group.day} class="day-group" aria-labelledby={`day-${group.day}`}>
          <h3 id={`day-${group.day}`} class="day-heading">
            {dayName(group.label, group.day)}
            <span class="muted"> · {t('timeline.count', { count: group.items.length })}</span>
          </h3>
          <ol class="timeline-list">
            {group.items.map((record) => (
              <TimelineItem key={record.recordId} record={record} onOpen={onOpen} time={formatTime(record.occurredAt, lang, timeZone)} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function TimelineItem({ record, onOpen, time }: { record: TimelineRecord; onOpen: OpenRecord; time: string }) {
  const { t } = useApp();
  const title = recordTitle(record);
  const excerpt = recordExcerpt(record);
  return (
    <li class="timeline-item" data-record-id={record.recordId} data-type={record.type}>
      <span class={`channel-badge channel-${record.type}`}>
        <ChannelIcon type={record.type} />
      </span>
      <article class="timeline-card" aria-label={`${t(`channel.${record.type}`)} ${time} ${title}`}>
        <p class="timeline-meta">
          <span class="channel-name">{t(`channel.${record.type}`)}</span>
          <time dateTime={record.occurredAt}>{time}</time>
          {record.durationSeconds !== undefined && <span>{t('record.durationShort', { duration: formatDuration(record.durationSeconds) })}</span>}
          <span class="muted">{t(`direction.${record.direction}`)}</span>
        </p>
        <h4 class="timeline-title">{title}</h4>
        {excerpt && excerpt !== title && <p class="timeline-excerpt">{excerpt}</p>}
        <AnalysisBadges record={record} />
        <p class="timeline-actions">
          <button type="button" class="button button-small" aria-label={`${t('record.details')}: ${title}`} onClick={() => onOpen(record.recordId, 'details')}>
            {t('record.details')}
          </button>
          {hasRecording(record) && (
            <button type="button" class="button button-small" aria-label={`${t('record.play')}: ${title}`} onClick={() => onOpen(record.recordId, 'recording')}>
              <span aria-hidden="true">▶ </span>
              {t('record.play')}
            </button>
          )}
          {hasTranscript(record) && (
            <button type="button" class="button button-small" aria-label={`${t('record.viewTranscript')}: ${title}`} onClick={() => onOpen(record.recordId, 'transcript')}>
              {t('record.viewTranscript')}
            </button>
          )}
        </p>
      </article>
    </li>
  );
}
