import type { RecordType } from '../../../functions/core/model/record-types.js';

/** Stroke paths on a 24×24 grid, drawn for this console (no icon font to download). */
const PATHS: Record<RecordType, string> = {
  phone: 'M4 13a8 8 0 0 1 16 0v4a2 2 0 0 1-2 2h-1v-6h3M4 13v4a2 2 0 0 0 2 2h1v-6H4',
  mobile: 'M8 3h8a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM11 18h2',
  wechat: 'M9 4C5.1 4 2 6.5 2 9.6c0 1.8 1 3.3 2.6 4.3L4 16.5l2.9-1.5c.7.2 1.4.3 2.1.3M15 9c3.9 0 7 2.4 7 5.4 0 1.6-.9 3-2.3 4l.5 2.1-2.4-1.3a8 8 0 0 1-2.8.5c-3.9 0-7-2.4-7-5.3S11.1 9 15 9z',
  email: 'M3 6h18v12H3zM3 7l9 6 9-6',
  meeting: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M17 11a2.5 2.5 0 1 0 0-5M18 14c2 .5 3.5 2.8 3.5 5.5',
  video: 'M3 7h12v10H3zM15 11l6-3v8l-6-3',
  visit: 'M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21zM12 12.5a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
  form: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
  webchat: 'M4 5h16v11H9l-5 4zM9 10.5h.01M12 10.5h.01M15 10.5h.01',
};

/** A channel's icon; decorative (the channel's name is always written next to it). */
export function ChannelIcon({ type }: { type: RecordType }) {
  return (
    <svg class={`channel-icon channel-${type}`} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[type]} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
