// GET /metrics: the process's metrics in Prometheus's text format.
import type { Request, Response } from 'express';
import type { ApiMetrics } from '../../metrics';

export const metricsHandler = (metrics: ApiMetrics) => async (_req: Request, res: Response) => {
  res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
};
