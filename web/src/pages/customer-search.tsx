// The customer lookup: by id, name, phone (last digits) or email; an agent finds their team's customers.
import { answer } from '../api';
import type { PageProps } from '../app';
import { ErrorBanner } from '../components/error-banner';
import { words } from '../format';
import { usePolling } from '../hooks';

export function CustomerSearchPage({ api, query }: PageProps & { query: string }) {
  const found = usePolling(() => answer(api.GET('/v1/customers', { params: { query: { query } } })), 60_000, [
    api,
    query,
  ]);
  const items = found.data?.items;
  return (
    <section>
      <h1>Customers matching “{query}”</h1>
      <ErrorBanner error={found.error} />
      {items && items.length === 0 && (
        <p class="muted">
          No customer of yours matches. Try the customer id, the last digits of their phone, or their email.
        </p>
      )}
      {items && items.length > 0 && (
        <table data-testid="customer-results">
          <thead>
            <tr>
              <th>Customer</th>
              <th>Tier</th>
              <th>Phone</th>
              <th>Email</th>
              <th>Open case</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.customerId}>
                <td>
                  <a href={`#/customers/${encodeURIComponent(c.customerId)}`}>{c.name}</a>{' '}
                  <span class="muted">{c.customerId}</span>
                </td>
                <td>
                  {c.tier}
                  {c.segment ? ` · ${c.segment}` : ''}
                </td>
                <td>{c.contact.phone ?? '—'}</td>
                <td>{c.contact.email ?? '—'}</td>
                <td>
                  {c.openCase ? (
                    <a href={`#/cases/${encodeURIComponent(c.openCase.caseId)}`}>
                      {words(c.openCase.stage)}
                      {c.openCase.yours ? ' (yours)' : ''}
                    </a>
                  ) : (
                    'none'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
