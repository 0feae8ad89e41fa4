import { useEffect, useRef } from 'preact/hooks';
import { useApp } from '../app-context.js';

/** How far below the viewport the end of the list starts loading the next page. */
const AHEAD_PX = 200;

/**
 * The end of an infinitely scrolling list: loads the next page when it is on screen or within 200 px
 * below it — not once the reader has scrolled past it (into the AI panel below the timeline on a
 * phone): the browser keeps their view where it is while a page arrives above, so the end would stay
 * just above the screen and every page would load behind their back. Scrolling back to the end loads
 * the next one. It is a button too, for keyboard users.
 */
export function LoadMore({ hasMore, loading, onLoadMore }: { hasMore: boolean; loading: boolean; onLoadMore: () => void }) {
  const { t } = useApp();
  const sentinel = useRef<HTMLDivElement>(null);
  const latest = useRef(onLoadMore);
  latest.current = onLoadMore;
  useEffect(() => {
    if (!hasMore || loading) return;
    let frame = 0;
    const check = () => {
      frame = 0;
      const element = sentinel.current;
      const box = element?.getBoundingClientRect();
      if (box && box.top < window.innerHeight + AHEAD_PX && box.bottom > 0) latest.current();
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(check);
    };
    schedule(); // the page may already end above the fold
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [hasMore, loading]);
  return (
    <div class="load-more" ref={sentinel}>
      {loading ? (
        <p class="muted" role="status">{t('common.loading')}</p>
      ) : hasMore ? (
        <button type="button" class="button" onClick={onLoadMore}>{t('timeline.loadMore')}</button>
      ) : null}
    </div>
  );
}
