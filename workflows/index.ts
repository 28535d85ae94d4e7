// Entry point of the workflow bundle.
export { retentionCase } from './retention-case';
export { detectionSweep } from './detection-sweep';
export { anonymisationSweep } from './anonymisation-sweep';
export { experimentReview } from './experiment-review';
export { modelScoringSweep } from './model-scoring-sweep';
