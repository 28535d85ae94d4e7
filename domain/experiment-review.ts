// What the hourly review did with one experiment: the API's answer to POST /v1/experiments/review, carried back
// to the review workflow by its activity, so the three share one definition here.
export interface ReviewedExperiment {
  experimentId: string;
  playbookId: string;
  collecting: boolean;
  promotedArm: string | null;
}
