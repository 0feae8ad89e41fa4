import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../app-context.js';
import { followLink } from '../router.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useAsync } from '../ui/use-async.js';

/** The start page: find a customer by name, domain or email and open its panorama. */
export function HomePage() {
  const { api, t } = useApp();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    // One request per pause in typing, not per keystroke.
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const customers = useAsync(() => api.searchCustomers(q, 50), [q]);
  return (
    <div class="home-page">
      <h1>{t('home.title')}</h1>
      <form role="search" class="search-form" onSubmit={(event) => event.preventDefault()}>
        <label for="customer-search">{t('home.search')}</label>
        <input id="customer-search" type="search" value={text} placeholder={t('inbox.searchPlaceholder')} onInput={(event) => setText((event.currentTarget as HTMLInputElement).value)} />
      </form>
      {customers.error && <ErrorMessage error={customers.error} />}
      {customers.loading && !customers.data && <p role="status">{t('common.loading')}</p>}
      {customers.data && customers.data.items.length === 0 && <p class="empty">{t('home.none')}</p>}
      <ul class="customer-list">
        {(customers.data?.items ?? []).map((customer) => (
          <li key={customer.customerId}>
            <a href={`/customers/${encodeURIComponent(customer.customerId)}`} onClick={followLink}>
              <span class="customer-name">{customer.name}</span>
              <span class="muted small">
                {customer.customerId}
                {customer.domains.length > 0 && ` · ${customer.domains.join(', ')}`}
                {customer.owner && ` · ${customer.owner}`}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href="/unmatched" onClick={followLink}>{t('nav.inbox')} →</a>
      </p>
    </div>
  );
}
