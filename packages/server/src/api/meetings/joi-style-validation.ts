import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { TLocalizedValidationError } from 'typebox/error';
import { ParleyError } from '../../errors.js';

/**
 * Validates requests against the route's TypeBox schema and words the first problem the way Vonage's
 * Meetings service (which used Joi) did: `"display_name" is required`, `"type" must be one of
 * [instant, long_term]`. Unlike Fastify's default Ajv, nothing is coerced in a JSON body: a number
 * is not a string. Query strings arrive as text, so numbers and booleans in them are converted first.
 */
export const joiStyleValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const validator = Compile(schema);
  return (data: unknown) => {
    const value = httpPart === 'querystring' ? convertQuery(schema, data) : data;
    if (validator.Check(value)) return { value };
    const [first] = validator.Errors(value);
    return { error: ParleyError.validation(first ? joiMessage(first, value) : '"value" is invalid') };
  };
};

/** The message Joi gives for the same failure; the error's own text for anything Joi has no words for. */
export function joiMessage(error: TLocalizedValidationError, root: unknown): string {
  const path = pointerSegments(error.instancePath);
  const name = `"${path.length > 0 ? joiLabel(root, path) : 'value'}"`;
  switch (error.keyword) {
    case 'required':
      return `"${joiLabel(root, [...path, String(error.params.requiredProperties[0])])}" is required`;
    case 'type':
      return `${name} ${typeMessage(error.params.type, valueAt(root, path))}`;
    case 'enum':
      return `${name} must be one of [${error.params.allowedValues.map(String).join(', ')}]`;
    case 'minLength':
      return error.params.limit === 1
        ? `${name} is not allowed to be empty`
        : `${name} length must be at least ${error.params.limit} characters long`;
    case 'maxLength':
      return `${name} length must be less than or equal to ${error.params.limit} characters long`;
    case 'minItems':
      return `${name} must contain at least ${error.params.limit} items`;
    case 'maxItems':
      return `${name} must contain less than or equal to ${error.params.limit} items`;
    case 'minimum':
      return `${name} must be greater than or equal to ${error.params.limit}`;
    case 'maximum':
      return `${name} must be less than or equal to ${error.params.limit}`;
    case 'pattern':
      return `${name} with value "${String(valueAt(root, path))}" fails to match the required pattern: /${String(error.params.pattern)}/`;
    default:
      return `${name} ${error.message}`;
  }
}

function typeMessage(expected: string | string[], actual: unknown): string {
  const type = Array.isArray(expected) ? expected[0] : expected;
  switch (type) {
    case 'object':
      return 'must be of type object';
    case 'integer':
      return typeof actual === 'number' ? 'must be an integer' : 'must be a number';
    case 'boolean':
    case 'string':
    case 'number':
    case 'array':
      return `must be ${type === 'array' ? 'an' : 'a'} ${type}`;
    default:
      return `must be ${String(type)}`;
  }
}

/**
 * Query values are text; those the schema wants as numbers or booleans become so when the text is
 * exactly one. Anything else is left as text for the schema to refuse: `2.5` stays 2.5 and fails an
 * integer rule instead of being truncated.
 */
function convertQuery(schema: TSchema, data: unknown): unknown {
  if (data === null || typeof data !== 'object') return data;
  const properties = (schema as { properties?: Record<string, { type?: unknown }> }).properties ?? {};
  const converted: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [key, text] of Object.entries(converted)) {
    if (typeof text !== 'string') continue;
    const type = properties[key]?.type;
    if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) converted[key] = Number(text);
    if (type === 'boolean' && (text === 'true' || text === 'false')) converted[key] = text === 'true';
  }
  return converted;
}

/** JSON Pointer (`/callback_urls/rooms_callback_url`) to segments, unescaping `~1` and `~0`. */
function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joi's label for a path: object keys joined by dots, array positions in brackets (`keys[0]`). */
function joiLabel(root: unknown, path: string[]): string {
  let label = '';
  let current = root;
  for (const segment of path) {
    label += Array.isArray(current) ? `[${segment}]` : label === '' ? segment : `.${segment}`;
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined;
  }
  return label;
}

function valueAt(root: unknown, path: string[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
