// Entry point of the workflow bundle.
export { retentionCase } from './retention-case';
