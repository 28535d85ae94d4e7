// The experiment page's two drawings in plain SVG (like charts.tsx): each arm's retention rate as a dot with
// its 95% interval as an error bar, and each arm's funnel as bars side by side.
export interface ArmRate {
  arm: string;
  rate: number | null;
  low: number | null;
  high: number | null;
}

const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706'];

export function RateIntervals({ arms }: { arms: ArmRate[] }) {
  const W = 560,
    H = 40 + arms.length * 36,
    L = 60,
    R = 20;
  const x = (v: number) => L + v * (W - L - R);
  return (
    <figure class="chart">
      <figcaption>Retention rate by arm (95% Wilson interval)</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Retention rate by arm">
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={10} y2={H - 20} class="gridline" />
            <text x={x(v)} y={H - 6} text-anchor="middle" class="axis">{`${v * 100}%`}</text>
          </g>
        ))}
        {arms.map((a, i) => {
          const y = 30 + i * 36;
          const color = PALETTE[i % PALETTE.length];
          return (
            <g key={a.arm} data-arm={a.arm}>
              <text x={L - 8} y={y + 4} text-anchor="end">{`Arm ${a.arm}`}</text>
              {a.low !== null && a.high !== null && (
                <g stroke={color} stroke-width="2" class="error-bar">
                  <line x1={x(a.low)} x2={x(a.high)} y1={y} y2={y} />
                  <line x1={x(a.low)} x2={x(a.low)} y1={y - 6} y2={y + 6} />
                  <line x1={x(a.high)} x2={x(a.high)} y1={y - 6} y2={y + 6} />
                </g>
              )}
              {a.rate !== null ? (
                <circle cx={x(a.rate)} cy={y} r="5" fill={color}>
                  <title>{`Arm ${a.arm}: ${(a.rate * 100).toFixed(1)}%`}</title>
                </circle>
              ) : (
                <text x={x(0) + 4} y={y + 4} class="axis">
                  no conclusive cases yet
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export interface FunnelColumn {
  arm: string;
  steps: { step: string; entered: number }[];
}

// One group of bars per step, one bar per arm, each as a share of the arm's detected cases.
export function FunnelSideBySide({ columns, team }: { columns: FunnelColumn[]; team?: string }) {
  const steps = columns[0]?.steps.map((s) => s.step) ?? [];
  const W = 560,
    H = 240,
    L = 10,
    B = 40,
    T = 10;
  const group = (W - L) / Math.max(steps.length, 1);
  const bar = (group - 8) / Math.max(columns.length, 1);
  return (
    <figure class="chart">
      <figcaption>Funnel by arm (share of detected cases reaching each step){team ? `, team ${team}` : ''}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Funnel by arm">
        {steps.map((step, si) => (
          <g key={step}>
            <text x={L + si * group + group / 2} y={H - 24} text-anchor="middle" class="axis">
              {step}
            </text>
            {columns.map((c, ci) => {
              const top = c.steps[0]?.entered ?? 0;
              const n = c.steps[si]?.entered ?? 0;
              const h = top === 0 ? 0 : (n / top) * (H - B - T);
              return (
                <rect
                  key={c.arm}
                  data-arm={c.arm}
                  data-step={step}
                  x={L + si * group + 4 + ci * bar}
                  y={H - B - h}
                  width={bar - 1}
                  height={h}
                  fill={PALETTE[ci % PALETTE.length]}
                >
                  <title>{`Arm ${c.arm} ${step}: ${n}`}</title>
                </rect>
              );
            })}
          </g>
        ))}
      </svg>
      <ul class="legend">
        {columns.map((c, i) => (
          <li key={c.arm}>
            <span style={{ background: PALETTE[i % PALETTE.length] }} />
            Arm {c.arm}
          </li>
        ))}
      </ul>
    </figure>
  );
}
