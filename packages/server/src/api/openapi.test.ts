import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { createTestServices } from '../test-support/test-services.js';
import { APPLICATION_JWT_SCHEME, RINGCENTRAL_OAUTH_SCHEME } from './openapi.js';

/** Every endpoint of the Vonage Meetings API (spec §3), plus the compatibility routes and extensions Parley serves. */
const MEETINGS_OPERATIONS = [
  'GET /rooms',
  'POST /rooms',
  'GET /rooms/{room_id}',
  'PATCH /rooms/{room_id}',
  'DELETE /rooms/{room_id}',
  'GET /recordings/{recording_id}',
  'DELETE /recordings/{recording_id}',
  'GET /sessions/{session_id}/recordings',
  'GET /sessions/{session_id}',
  'GET /sessions/{session_id}/chat',
  'GET /dial-in-numbers',
  'GET /themes',
  'POST /themes',
  'GET /themes/{theme_id}',
  'PATCH /themes/{theme_id}',
  'DELETE /themes/{theme_id}',
  'GET /themes/{theme_id}/rooms',
  'GET /themes/logos-upload-urls',
  'PUT /themes/{theme_id}/finalizeLogos',
  'PATCH /applications',
];

/** RingCentral's OAuth endpoints and the RingCentral Video operations Parley serves (spec §1), plus its join-URL extension. */
const RINGCENTRAL_OPERATIONS = [
  'POST /restapi/oauth/token',
  'POST /restapi/oauth/revoke',
  'GET /restapi/oauth/authorize',
  'POST /restapi/oauth/authorize',
  'POST /rcvideo/v2/account/{accountId}/extension/{extensionId}/bridges',
  'GET /rcvideo/v2/account/{accountId}/extension/{extensionId}/bridges/default',
  'GET /rcvideo/v2/bridges/{bridgeId}',
  'PATCH /rcvideo/v2/bridges/{bridgeId}',
  'DELETE /rcvideo/v2/bridges/{bridgeId}',
  'GET /rcvideo/v2/bridges/pin/web/{pin}',
  'GET /rcvideo/v2/bridges/pin/pstn/{pin}',
  'GET /rcvideo/v2/bridges/{bridgeId}/join-url',
  'GET /rcvideo/v1/history/meetings',
  'GET /rcvideo/v1/history/meetings/{meetingId}',
  'GET /rcvideo/v1/history/account/{accountId}/meetings',
  'GET /rcvideo/v1/account/{accountId}/recordings',
  'GET /rcvideo/v1/account/{accountId}/extension/{extensionId}/recordings',
];

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type JsonObject = Record<string, unknown>;

interface Operation {
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, JsonObject> };
}

/** `METHOD /path` for every operation of the document. */
function operationsOf(document: OpenApiDocument): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (HTTP_METHODS.includes(method)) operations.set(`${method.toUpperCase()} ${path}`, operation);
    }
  }
  return operations;
}

/**
 * Every `type: string` in `schema` (and everything it nests or references) without a `maxLength`, as
 * JSON-pointer-like locations; a string fixed by `enum` or `const` has its length bounded already.
 */
function unboundedStrings(schema: unknown, at: string, document: OpenApiDocument, seen = new Set<unknown>()): string[] {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  if (Array.isArray(schema)) return schema.flatMap((item, i) => unboundedStrings(item, `${at}/${i}`, document, seen));
  const node = schema as JsonObject;
  const found: string[] = [];
  if (typeof node.$ref === 'string') {
    const target = node.$ref.replace(/^#\//, '').split('/').reduce<unknown>((value, key) => (value as JsonObject | undefined)?.[key], document);
    assert.ok(target, `${at}: unresolvable $ref ${node.$ref}`);
    found.push(...unboundedStrings(target, `${at}(${node.$ref})`, document, seen));
  }
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('string') && node.maxLength === undefined && node.enum === undefined && node.const === undefined) found.push(at);
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' || key === 'enum' || key === 'const' || key === 'examples' || key === 'default') continue;
    if (value !== null && typeof value === 'object') found.push(...unboundedStrings(value, `${at}/${key}`, document, seen));
  }
  return found;
}

describe('OpenAPI document and UI at /docs', () => {
  let app: FastifyInstance;
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let document: OpenApiDocument;
  before(async () => {
    services = await createTestServices();
    app = await buildApp(services);
    const response = await app.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json\b/);
    document = response.json();
  });
  after(async () => {
    await app.close();
    await services.dispose();
  });

  test('/docs serves the reading UI', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/html\b/);
    assert.match(response.body, /swagger-ui/i);
  });

  test('names Parley, its version, and its Vonage compatibility', async () => {
    assert.equal(document.openapi, '3.1.0');
    assert.equal(document.info.title, 'Parley API');
    assert.match(document.info.version, /^\d+\.\d+\.\d+/);
    assert.match(document.info.description, /wire-compatible with the\s+Vonage Meetings API/);
  });

  test('lists every Meetings API endpoint once, under /v1/meetings, with a summary, tags and the bearer JWT', () => {
    const operations = operationsOf(document);
    const missing = MEETINGS_OPERATIONS.filter((operation) => !operations.has(operation.replace(' ', ' /v1/meetings')));
    assert.deepEqual(missing, [], 'endpoints missing from the document');
    assert.deepEqual(document.components?.securitySchemes?.[APPLICATION_JWT_SCHEME], {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: "An RS256 JWT naming the application in `application_id`, signed with the application's private key.",
    });
    for (const [name, operation] of operations) {
      if (!name.split(' ')[1]?.startsWith('/v1/meetings/')) continue;
      assert.ok(operation.summary, `${name} has no summary`);
      assert.ok(operation.tags && operation.tags.length > 0, `${name} has no tags`);
      assert.deepEqual(operation.security, [{ [APPLICATION_JWT_SCHEME]: [] }], `${name} does not require the application JWT`);
    }
  });

  test('lists the RingCentral endpoints, the Video API with its OAuth access token', () => {
    const operations = operationsOf(document);
    assert.deepEqual(RINGCENTRAL_OPERATIONS.filter((operation) => !operations.has(operation)), [], 'endpoints missing from the document');
    for (const name of RINGCENTRAL_OPERATIONS) {
      const operation = operations.get(name);
      assert.ok(operation?.summary && operation.tags?.length, `${name} has no summary or tags`);
      if (name.includes(' /rcvideo/')) assert.deepEqual(operation.security, [{ [RINGCENTRAL_OAUTH_SCHEME]: ['Video'] }], `${name} does not require the access token`);
    }
  });

  test('leaves out the duplicate prefixes and what is not API', () => {
    const paths = Object.keys(document.paths);
    assert.deepEqual(paths.filter((path) => path.startsWith('/meetings/') || path.startsWith('/beta/meetings/')), []);
    for (const notApi of ['/', '/{meetingCode}', '/health', '/metrics', '/signaling', '/docs', '/recordings/{recording_id}/download']) {
      assert.ok(!paths.includes(notApi), `${notApi} is in the document`);
    }
    assert.deepEqual(paths.filter((path) => path.startsWith('/assets') || path.startsWith('/docs')), []);
  });

  test('bounds every string a request may carry (body, query, path) with a maxLength', () => {
    const unbounded: string[] = [];
    let walked = 0;
    for (const [name, operation] of operationsOf(document)) {
      for (const parameter of operation.parameters ?? []) {
        walked++;
        unbounded.push(...unboundedStrings(parameter.schema, `${name} ${parameter.in} ${parameter.name}`, document));
      }
      for (const [type, content] of Object.entries(operation.requestBody?.content ?? {})) {
        walked++;
        unbounded.push(...unboundedStrings(content.schema, `${name} body (${type})`, document));
      }
    }
    assert.ok(walked > 10, 'the walk found the request schemas');
    assert.deepEqual(unbounded, []);
  });

  test('the walk itself finds an unbounded string wherever it hides', () => {
    const probe: OpenApiDocument = { ...document, components: { schemas: { Named: { type: 'object', properties: { deep: { type: ['string', 'null'] } } } } } };
    const schema = {
      type: 'object',
      properties: {
        bounded: { type: 'string', maxLength: 5 },
        choice: { type: 'string', enum: ['a', 'b'] },
        fixed: { const: 'x', type: 'string' },
        list: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
        named: { $ref: '#/components/schemas/Named' },
      },
    };
    assert.deepEqual(unboundedStrings(schema, 'probe', probe), [
      'probe/properties/list/items/anyOf/0',
      'probe/properties/named(#/components/schemas/Named)/properties/deep',
    ]);
  });
});
