// Refusals about early-warning models (scorecards) uploaded and activated.
import { refusal } from './domain-error';

export const modelNotFound = refusal<{ modelId: string }>(
  'not_found',
  'model_not_found',
  (p) => `no model with id ${p.modelId}; GET /v1/models lists them`,
);

export type ModelProblem = { field: string; message: string };
const uploadInvalid = refusal<{ problems: ModelProblem[] }>(
  'unprocessable',
  'model_invalid',
  (p) =>
    `the model file is not a valid Holdfast scorecard: ${p.problems
      .slice(0, 3)
      .map((e) => `${e.field}: ${e.message}`)
      .join('; ')}${p.problems.length > 3 ? ` (and ${p.problems.length - 3} more)` : ''}`,
);
// An uploaded file that is not a scorecard; `problems` (also the details) name every field at fault.
export const modelFileInvalid = (problems: ModelProblem[]) => uploadInvalid({ problems }, { details: problems });

const storedInvalid = refusal<{ modelId: string; problems: ModelProblem[] }>(
  'unprocessable',
  'model_invalid',
  (p) => `model ${p.modelId} fails validation and cannot be activated`,
);
// A stored model from an older format that today's validation refuses.
export const storedModelInvalid = (modelId: string, problems: ModelProblem[]) =>
  storedInvalid({ modelId, problems }, { details: problems });
