// A valid value for a JSON Schema (as /v1/openapi.json publishes it): the fuzzer's starting point, which its
// mutations then break. Strings with a pattern take the first known sample the pattern accepts.
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  example?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
};

const STRING_SAMPLES = [
  'sample-1',
  '+34600000001',
  'fuzz@example.com',
  'Europe/Madrid',
  '2026-01-01T00:00:00Z',
  'P1D',
  '1d',
  'abcdefghijklmnop1234',
  'A',
];
const BY_FORMAT: Record<string, string> = {
  'date-time': '2026-12-01T10:00:00Z',
  email: 'fuzz@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  date: '2026-12-01',
};

function sampleString(schema: JsonSchema): string {
  if (schema.format && BY_FORMAT[schema.format]) return BY_FORMAT[schema.format]!;
  const fits = (s: string) =>
    (schema.minLength === undefined || s.length >= schema.minLength) &&
    (schema.maxLength === undefined || s.length <= schema.maxLength) &&
    (schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(s));
  return STRING_SAMPLES.find(fits) ?? 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const low =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.5) : 0);
  const value = schema.maximum !== undefined ? Math.min(low + 1, schema.maximum) : low + 1;
  return integer ? Math.ceil(value) : value;
}

// `named` gives values for properties the API checks against its data (ids of things that exist).
export function validValue(schema: JsonSchema, named: Record<string, string> = {}, name?: string): unknown {
  if (name !== undefined && named[name] !== undefined) return named[name];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return validValue(choice.find((c) => c.type !== 'null') ?? choice[0]!, named, name);
  if (schema.allOf) return validValue(Object.assign({}, ...schema.allOf) as JsonSchema, named, name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if ((schema.required ?? []).includes(key) || named[key] !== undefined)
          out[key] = validValue(property, named, key);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => validValue(schema.items ?? {}, named));
    case 'string':
      return sampleString(schema);
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return true;
    default:
      return schema.default ?? 'x';
  }
}
