// The experiment and funnel answers as the dashboard reads them (api/http/experiment-schemas.ts).
export interface Experiment {
  id: string;
  playbookId: string;
  status: 'running' | 'paused' | 'stopped';
  minSamplePerArm: number;
  autoPromote: boolean;
  arms: { arm: string; version: number; weight: number; control: boolean }[];
  promotedArm: string | null;
  createdBy: string;
  createdAt: string;
  stoppedAt: string | null;
}

type Interval = { low: number; high: number } | null;

export interface ExperimentArmResult {
  arm: string;
  version: number;
  weight: number;
  control: boolean;
  cases: number;
  conclusive: number;
  retained: number;
  offerCost: number;
  retentionRate: number | null;
  interval: Interval;
  costPerRetained: number | null;
  vsControl: {
    difference: number | null;
    interval: Interval;
    pValue: number | null;
    worsePValue: number | null;
    verdict: string;
  } | null;
}

export interface ExperimentWithResults extends Experiment {
  results: { collecting: boolean; test: { name: string; description: string }; arms: ExperimentArmResult[] };
}

export interface FunnelAnswer {
  steps: {
    step: string;
    entered: number;
    left: number;
    conversion: number | null;
    medianSeconds: number | null;
    p90Seconds: number | null;
  }[];
}
