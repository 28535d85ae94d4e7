// The customer on a case: tier and segment, lifecycle, assets, time zone, preferred channels and consent.
import { money, words } from '../format';
import type { CaseDetail } from '../contract';
import { Field } from './field';

export function CaseCustomerPanel({ customer }: { customer: CaseDetail['customer'] }) {
  return (
    <div class="panel">
      <h2>Customer</h2>
      <dl>
        <Field label="Tier">
          {customer.tier}
          {customer.segment ? ` · ${customer.segment}` : ''}
        </Field>
        <Field label="Lifecycle">{words(customer.lifecycleStage)}</Field>
        <Field label="Assets">{money(customer.assetsUnderManagement)}</Field>
        <Field label="Time zone">{customer.timeZone}</Field>
        <Field label="Prefers">{customer.preferredChannels.join(', ')}</Field>
        <Field label="Consent">
          {(['sms', 'email', 'phone'] as const).filter((k) => customer.consent[k]).join(', ') || 'none'}
        </Field>
      </dl>
    </div>
  );
}
