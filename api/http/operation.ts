// One operation of the API as the OpenAPI document and docs/api.md describe it.
import type { z } from 'zod';
import type { Role } from '../../domain/vocabulary';

type Method = 'get' | 'post' | 'put' | 'delete';
export interface Operation {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  // Roles besides admin (who may call everything); null: no API key (public, or authenticated otherwise).
  roles: Role[] | null;
  params?: z.ZodObject;
  query?: z.ZodType;
  headers?: z.ZodObject;
  body?: z.ZodType;
  bodyType?: 'application/json' | 'application/x-www-form-urlencoded' | 'text/csv';
  ok: { status: number; description: string; type?: string; schema?: z.ZodType };
  errors?: number[];
}
