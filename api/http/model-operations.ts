// The early-warning model routes in the OpenAPI document (spread into OPERATIONS with the setup operations).
import { z } from 'zod';
import { scorecardSchema } from '../../domain/scorecard/model-file';
import type { Operation } from './operation';
import { modelIdParams } from './routes/models';

const modelResponse = z.object({
  id: z.string(),
  label: z.string(),
  trainedAt: z.string(),
  attributes: z.array(z.string()).describe('the customer attributes the model reads'),
  validation: scorecardSchema.shape.validation,
  training: scorecardSchema.shape.training,
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  active: z.boolean(),
  activatedAt: z.string().nullable(),
});

export const MODEL_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/v1/models',
    summary:
      'Upload an early-warning scorecard (the file `npm run model -- train` writes); refused with every field at fault when it fails validation',
    tag: 'models',
    roles: [],
    body: scorecardSchema,
    ok: { status: 201, description: 'the model, not yet active', schema: modelResponse },
    errors: [400, 422],
  },
  {
    method: 'get',
    path: '/v1/models',
    summary: 'The uploaded models, newest first, with their validation figures and which one is active',
    tag: 'models',
    roles: ['supervisor'],
    ok: { status: 200, description: '{ items }', schema: z.object({ items: z.array(modelResponse) }) },
  },
  {
    method: 'post',
    path: '/v1/models/{modelId}/activate',
    summary:
      'Make a model the one the scoring sweep uses (audited); the answer counts, per attribute it reads, the customers who lack it',
    tag: 'models',
    roles: [],
    params: modelIdParams,
    ok: {
      status: 200,
      description: 'the active model and missing attributes',
      schema: modelResponse.extend({
        missing: z.array(z.object({ attribute: z.string(), customersMissing: z.number() })),
      }),
    },
    errors: [400, 404, 422],
  },
];
