import { useEffect, useRef, useState } from 'preact/hooks';
import type { CustomerSummary } from '../api/api-types.js';
import { useApp } from '../app-context.js';

/**
 * A combobox (WAI-ARIA 1.2 pattern) over `GET /v1/customers?q=`: type part of a name, domain or
 * email; arrow keys move through the matches, Enter picks one.
 */
export function CustomerSearch({ id, label, onPick }: { id: string; label: string; onPick: (customer: CustomerSummary) => void }) {
  const { api, t } = useApp();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<CustomerSummary[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setMatches([]);
      return;
    }
    const run = ++latest.current;
    // A short pause so typing a name is one request, not one per keystroke.
    const timer = setTimeout(() => {
      setSearching(true);
      api.searchCustomers(q).then(
        (page) => {
          if (run !== latest.current) return;
          setMatches(page.items);
          setActive(page.items.length ? 0 : -1);
          setOpen(true);
          setSearching(false);
        },
        () => run === latest.current && setSearching(false),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [text, api]);

  const pick = (customer: CustomerSummary) => {
    setText(customer.name);
    setOpen(false);
    onPick(customer);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open && matches[active]) {
      event.preventDefault();
      pick(matches[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };
  const listId = `${id}-list`;
  const expanded = open && text.trim() !== '';
  return (
    <div class="combobox">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
        placeholder={t('inbox.searchPlaceholder')}
        value={text}
        onInput={(event) => {
          setText((event.currentTarget as HTMLInputElement).value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" class="combobox-list" aria-label={label} hidden={!expanded}>
        {matches.map((customer, i) => (
          <li
            key={customer.customerId}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'option active' : 'option'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(customer)}
          >
            <span class="option-name">{customer.name}</span>
            <span class="muted small"> {customer.customerId}{customer.domains.length ? ` · ${customer.domains.join(', ')}` : ''}</span>
          </li>
        ))}
        {expanded && !searching && matches.length === 0 && <li class="option muted" role="option" aria-selected={false} aria-disabled="true">{t('inbox.noMatch')}</li>}
      </ul>
    </div>
  );
}
