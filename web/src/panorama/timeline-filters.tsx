import { INTENT_CATEGORIES, RECORD_TYPES } from '../../../functions/core/model/record-types.js';
import { useApp } from '../app-context.js';
import { isFiltered, NO_FILTER, type FilterState } from './timeline-filter.js';

/** The filter bar: time range, channel, intent — each applies as soon as it changes. */
export function TimelineFilters({ value, onChange }: { value: FilterState; onChange: (next: FilterState) => void }) {
  const { t } = useApp();
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const select = (event: Event) => (event.currentTarget as HTMLSelectElement).value;
  return (
    <form class="filters" aria-label={t('filter.label')} onSubmit={(event) => event.preventDefault()}>
      <div class="field">
        <label for="filter-range">{t('filter.range')}</label>
        <select id="filter-range" value={value.range} onChange={(e) => set({ range: select(e) as FilterState['range'] })}>
          <option value="all">{t('filter.all')}</option>
          <option value="7">{t('filter.last7')}</option>
          <option value="30">{t('filter.last30')}</option>
          <option value="90">{t('filter.last90')}</option>
          <option value="custom">{t('filter.custom')}</option>
        </select>
      </div>
      {value.range === 'custom' && (
        <>
          <div class="field">
            <label for="filter-from">{t('filter.from')}</label>
            <input id="filter-from" type="date" value={value.fromDay} max={value.toDay || undefined} onChange={(e) => set({ fromDay: (e.currentTarget as HTMLInputElement).value })} />
          </div>
          <div class="field">
            <label for="filter-to">{t('filter.to')}</label>
            <input id="filter-to" type="date" value={value.toDay} min={value.fromDay || undefined} onChange={(e) => set({ toDay: (e.currentTarget as HTMLInputElement).value })} />
          </div>
        </>
      )}
      <div class="field">
        <label for="filter-channel">{t('filter.channel')}</label>
        <select id="filter-channel" value={value.channel} onChange={(e) => set({ channel: select(e) })}>
          <option value="">{t('filter.allChannels')}</option>
          {RECORD_TYPES.map((type) => (
            <option key={type} value={type}>{t(`channel.${type}`)}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-intent">{t('filter.intent')}</label>
        <select id="filter-intent" value={value.intent} onChange={(e) => set({ intent: select(e) })}>
          <option value="">{t('filter.allIntents')}</option>
          {INTENT_CATEGORIES.map((intent) => (
            <option key={intent} value={intent}>{t(`intent.${intent}`)}</option>
          ))}
        </select>
      </div>
      <div class="field field-action">
        <button type="button" class="button button-quiet" disabled={!isFiltered(value)} onClick={() => onChange(NO_FILTER)}>
          {t('filter.reset')}
        </button>
      </div>
    </form>
  );
}
