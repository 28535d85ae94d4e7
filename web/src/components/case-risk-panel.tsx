// Why the customer is at risk: each signal's contribution to the risk score, and the early-warning model's score
// with the attributes that raised it.
import { words } from '../format';
import type { CaseDetail } from '../contract';
import { useT } from '../i18n/i18n';

function EarlyWarning({ warning }: { warning: NonNullable<CaseDetail['earlyWarning']> }) {
  return (
    <div data-testid="early-warning">
      <h3>Early-warning score {Math.round(warning.score * 100)}%</h3>
      <ul class="plain">
        {warning.reasons.map((r) => (
          <li key={r.attribute}>
            {r.attribute} = {r.value ?? 'missing'}: +{r.points} points against the average customer
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CaseRiskPanel({ detail: c }: { detail: CaseDetail }) {
  const { t } = useT();
  return (
    <div class="panel">
      <h2>{t('risk.whyAtRisk')}</h2>
      <ul class="plain">
        {c.riskExplanation.map((f) => (
          <li key={f.signalId}>
            {words(f.factor)}: contributes {Math.round(f.contribution * 100)} points
          </li>
        ))}
      </ul>
      {c.earlyWarning && <EarlyWarning warning={c.earlyWarning} />}
    </div>
  );
}
