import { useEffect, useRef } from 'preact/hooks';
import { useApp } from '../app-context.js';
import type { RecordDetail } from '../api/api-types.js';
import { AnalysisBadges } from '../ui/badges.js';
import { ErrorMessage } from '../ui/error-message.js';
import { ModalDialog } from '../ui/modal-dialog.js';
import { useAsync } from '../ui/use-async.js';
import { formatBytes, formatDateTime, formatDuration } from '../time/format.js';
import { hasTranscript, recordTitle } from './record-text.js';

export type RecordFocus = 'details' | 'recording' | 'transcript';

/** One record in full: body or transcript, recording player, attachments (presigned links) and its analysis. */
export function RecordDialog({ recordId, focus, onClose }: { recordId: string; focus: RecordFocus; onClose: () => void }) {
  const { api, t } = useApp();
  const { data: record, error } = useAsync(() => api.record(recordId), [recordId]);
  const target = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (record && focus !== 'details') target.current?.focus();
  }, [record, focus]);
  const title = record ? recordTitle(record) : t('common.loading');
  return (
    <ModalDialog title={title} onClose={onClose} wide>
      {error && <ErrorMessage error={error} />}
      {!record && !error && <p role="status">{t('common.loading')}</p>}
      {record && <RecordBody record={record} focus={focus} target={target} />}
      {record && (
        <p class="muted small">
          {t('record.dialogHint')}
        </p>
      )}
    </ModalDialog>
  );
}

function RecordBody({ record, focus, target }: { record: RecordDetail; focus: RecordFocus; target: { current: HTMLHeadingElement | null } }) {
  const { t, lang, timeZone } = useApp();
  const spoken = hasTranscript(record);
  const { analysis } = record;
  return (
    <div class="record-detail">
      <dl class="facts">
        <dt>{t('record.channel')}</dt>
        <dd>{t(`channel.${record.type}`)} · {t(`direction.${record.direction}`)}</dd>
        <dt>{t('record.time')}</dt>
        <dd>{formatDateTime(record.occurredAt, lang, timeZone)}</dd>
        {record.durationSeconds !== undefined && (
          <>
            <dt>{t('record.duration')}</dt>
            <dd>{formatDuration(record.durationSeconds)}</dd>
          </>
        )}
        {record.participants.length > 0 && (
          <>
            <dt>{t('record.participants')}</dt>
            <dd>
              {record.participants
                .map((p) => [p.name, p.email ?? p.phone ?? p.wecomUserId ?? p.staffId].filter(Boolean).join(' ') + (p.role ? ` (${p.role})` : ''))
                .join('; ')}
            </dd>
          </>
        )}
        {record.location?.address && (
          <>
            <dt>{t('record.location')}</dt>
            <dd>{record.location.address}</dd>
          </>
        )}
      </dl>
      <AnalysisBadges record={record} />
      {record.recording && (
        <section aria-labelledby="recording-heading">
          <h3 id="recording-heading" tabIndex={-1} ref={focus === 'recording' ? target : undefined}>{t('record.recording')}</h3>
          {record.recording.downloadUrl ? (
            <audio controls preload="metadata" src={record.recording.downloadUrl} aria-labelledby="recording-heading" />
          ) : (
            <p class="muted">{t('record.recordingUnavailable')}</p>
          )}
        </section>
      )}
      <section aria-labelledby="content-heading">
        <h3 id="content-heading" tabIndex={-1} ref={focus === 'transcript' || (focus === 'recording' && !record.recording) ? target : undefined}>
          {spoken ? t('record.transcript') : t('record.content')}
        </h3>
        {record.subject && <p class="subject">{record.subject}</p>}
        {record.content ? <p class="content">{record.content}</p> : <p class="muted">{record.transcription?.reason ?? t('record.noContent')}</p>}
        {record.contentTruncated && <p class="muted small">{t('record.truncated')}</p>}
      </section>
      {record.attachments.length > 0 && (
        <section aria-labelledby="attachments-heading">
          <h3 id="attachments-heading">{t('record.attachments')}</h3>
          <ul class="plain-list">
            {record.attachments.map((attachment) => (
              <li key={attachment.attachmentId}>
                {attachment.downloadUrl ? (
                  <a href={attachment.downloadUrl} download={attachment.fileName} rel="noopener">{attachment.fileName}</a>
                ) : (
                  attachment.fileName
                )}{' '}
                <span class="muted">({formatBytes(attachment.sizeBytes)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="analysis-heading">
        <h3 id="analysis-heading">{t('record.analysis')}</h3>
        <dl class="facts">
          {analysis.intent && (
            <>
              <dt>{t('badge.intent')}</dt>
              <dd>{t(`intent.${analysis.intent.category}`)}{analysis.intent.detail ? ` — ${analysis.intent.detail}` : ''}</dd>
            </>
          )}
          {analysis.sentiment && (
            <>
              <dt>{t('badge.sentiment')}</dt>
              <dd>{t(`sentiment.${analysis.sentiment.overall}`)} ({analysis.sentiment.score.toFixed(2)})</dd>
            </>
          )}
          {analysis.urgency && (
            <>
              <dt>{t('badge.urgency')}</dt>
              <dd>{t(`urgency.${analysis.urgency.level}`)}{analysis.urgency.reason ? ` — ${analysis.urgency.reason}` : ''}</dd>
            </>
          )}
        </dl>
        {analysis.followUps.length > 0 && (
          <>
            <h4>{t('record.followUps')}</h4>
            <ul>{analysis.followUps.map((f, i) => <li key={i}>{f.action}</li>)}</ul>
          </>
        )}
        {analysis.suggestions.length > 0 && (
          <>
            <h4>{t('record.suggestions')}</h4>
            <ul>{analysis.suggestions.map((s, i) => <li key={i}>{s}</li>)}</ul>
          </>
        )}
      </section>
    </div>
  );
}
