// Small SVG charts: no chart library, so the bundle stays small and the drawing is exactly what we need.
const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2'];

export interface Series {
  name: string;
  points: { x: string; y: number | null }[];
}

// The line chart's drawing area in SVG units: width, height and the left, right, top and bottom margins.
const W = 560,
  H = 220,
  L = 40,
  R = 10,
  T = 10,
  B = 30;

// Where an x value and a rate fall on the drawing.
interface Scale {
  x: (v: string) => number;
  y: (v: number) => number;
}

// Gridlines at every quarter with their percentages, and about six x labels.
function RateAxes({ xs, scale: { x, y } }: { xs: string[]; scale: Scale }) {
  return (
    <>
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <g key={v}>
          <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} class="gridline" />
          <text x={L - 4} y={y(v) + 4} text-anchor="end" class="axis">{`${v * 100}%`}</text>
        </g>
      ))}
      {xs.map((v, i) =>
        i % Math.ceil(xs.length / 6) === 0 ? (
          <text key={v} x={x(v)} y={H - 8} text-anchor="middle" class="axis">
            {v}
          </text>
        ) : null,
      )}
    </>
  );
}

// One series: a line through its defined points, each point a dot that names its value on hover.
function RateLine({ series: s, color, scale: { x, y } }: { series: Series; color: string | undefined; scale: Scale }) {
  const pts = s.points.filter((p) => p.y !== null).sort((a, b) => a.x.localeCompare(b.x));
  return (
    <g>
      <polyline fill="none" stroke={color} stroke-width="2" points={pts.map((p) => `${x(p.x)},${y(p.y!)}`).join(' ')} />
      {pts.map((p) => (
        <circle key={p.x} cx={x(p.x)} cy={y(p.y!)} r="3" fill={color}>
          <title>{`${s.name} ${p.x}: ${(p.y! * 100).toFixed(1)}%`}</title>
        </circle>
      ))}
    </g>
  );
}

// Rates (0..1) over ordered x values, one line per series; gaps where a rate is undefined.
export function RateLineChart({ title, series }: { title: string; series: Series[] }) {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort();
  const scale: Scale = {
    x: (v) => L + (xs.length <= 1 ? (W - L - R) / 2 : (xs.indexOf(v) * (W - L - R)) / (xs.length - 1)),
    y: (v) => T + (1 - v) * (H - T - B),
  };
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {xs.length === 0 ? (
        <p class="muted">No cases in this range.</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
          <RateAxes xs={xs} scale={scale} />
          {series.map((s, i) => (
            <RateLine key={s.name} series={s} color={PALETTE[i % PALETTE.length]} scale={scale} />
          ))}
        </svg>
      )}
      <ul class="legend">
        {series.map((s, i) => (
          <li key={s.name}>
            <span style={{ background: PALETTE[i % PALETTE.length] }} />
            {s.name.replace(/_/g, ' ')}
          </li>
        ))}
      </ul>
    </figure>
  );
}

// One horizontal bar per group, 0..100%.
export function RateBars({ title, bars }: { title: string; bars: { label: string; value: number | null }[] }) {
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div class="bars">
        {bars.map((b) => (
          <div class="bar-row" key={b.label}>
            <span class="bar-label">{b.label.replace(/_/g, ' ')}</span>
            <span class="bar-track">
              <span class="bar-fill" style={{ width: `${(b.value ?? 0) * 100}%` }} />
            </span>
            <span class="bar-value">{b.value === null ? '—' : `${(b.value * 100).toFixed(1)}%`}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
