import fs from 'node:fs';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { MEETINGS_PREFIXES } from './meetings/meetings-api.js';
import { PARLEY_MARK, PARLEY_WORDMARK } from './parley-mark.js';

/** The prefix the document shows the Meetings API under: the final one, which every current SDK calls. */
const DOCUMENTED_MEETINGS_PREFIX = '/v1/meetings';

/** The same routes again under the older prefixes: served, but shown once only. */
const DUPLICATE_MEETINGS_PREFIXES = MEETINGS_PREFIXES.filter((prefix) => prefix !== DOCUMENTED_MEETINGS_PREFIX);

export const APPLICATION_JWT_SCHEME = 'applicationJwt';
export const RINGCENTRAL_OAUTH_SCHEME = 'ringCentralOAuth';

const DESCRIPTION = `Parley is a self-hosted video meetings platform. Its Meetings API is wire-compatible with the
Vonage Meetings API: the same paths, JSON bodies, status codes and error bodies, so code and SDKs written for
Vonage work against Parley with only the host changed (for \`@vonage/meetings\`, \`meetingsHost\`).

The API is served under \`/v1/meetings\` (shown here), and also under \`/meetings\` and \`/beta/meetings\`,
which older SDK versions call.

Every call is authenticated by an application JWT (RS256, claims \`application_id\`, \`iat\`, \`jti\`, optional
\`exp\`), signed with the application's private key: \`Authorization: Bearer <JWT>\`. Errors are
\`{"message","name","status","errors"?}\`; a call without valid credentials gets 401 \`{"title","detail"}\`.

Parley also serves the RingCentral Video API (\`/rcvideo\`) and the OAuth endpoints RingCentral's SDKs
(\`@ringcentral/sdk\`, \`@rc-ex/core\`) log in through (\`/restapi/oauth\`): point their \`server\` at Parley.`;

/** `version` of this package, so the document names the build that serves it. */
function serverVersion(): string {
  const packageJson = new URL('../../package.json', import.meta.url);
  return (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

/**
 * The OpenAPI 3.1 document, generated from the route schemas, at `/docs/json`, and its reading UI at
 * `/docs`. Register it before any route: it learns the routes as they are added. Routes without tags
 * (the meeting page, its assets, health, metrics, the signaling WebSocket, download links) are not API
 * and stay out of it.
 */
export async function openApiDocs(app: FastifyInstance, options: { publicUrl: string }): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Parley API', version: serverVersion(), description: DESCRIPTION },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          [APPLICATION_JWT_SCHEME]: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: "An RS256 JWT naming the application in `application_id`, signed with the application's private key.",
          },
          [RINGCENTRAL_OAUTH_SCHEME]: {
            type: 'oauth2',
            description:
              'An access token from `POST /restapi/oauth/token` (JWT bearer, password, authorization-code or refresh grant), as `Authorization: Bearer <token>` or `?access_token=`.',
            flows: {
              authorizationCode: {
                authorizationUrl: `${options.publicUrl}/restapi/oauth/authorize`,
                tokenUrl: `${options.publicUrl}/restapi/oauth/token`,
                refreshUrl: `${options.publicUrl}/restapi/oauth/token`,
                scopes: { Video: 'RingCentral Video: bridges, meeting history, recordings', ReadWebinars: 'Read webinars', EditWebinars: 'Change webinars' },
              },
            },
          },
        },
      },
      tags: [
        { name: 'Rooms', description: 'Meeting rooms: their host and guest URLs, settings and lifetime.' },
        { name: 'Themes', description: 'White-labelling of the meeting page: colours, brand text, logos.' },
        { name: 'Applications', description: "The calling application's settings." },
        { name: 'Recordings', description: 'Recordings of sessions (a session is one live meeting of a room).' },
        { name: 'Sessions', description: 'What happened in a session (one live meeting of a room), such as its chat.' },
        { name: 'Dial-in numbers', description: 'Phone numbers to join meetings by.' },
        {
          name: 'RingCentral OAuth',
          description:
            "RingCentral's OAuth 2.0 endpoints: tokens for an account's users, issued to the account's client apps (an application's `client_id` and `client_secret`). Errors are `{\"error\",\"error_description\",\"errors\"}`.",
        },
        {
          name: 'RingCentral Video bridges',
          description:
            'RingCentral Video bridges: each is a Parley room of the calling client app, with an owner, PINs and RingCentral\'s preferences. Errors are `{"errorCode","message","errors"}`.',
        },
        { name: 'RingCentral Video meeting history', description: 'Meetings (sessions) of bridges, with their participants and recordings.' },
        { name: 'RingCentral Video recordings', description: 'Downloadable recordings of bridges: signed links, valid for an hour.' },
        {
          name: 'Webhooks',
          description:
            'A Parley extension: where events go, the secret that signs them (Standard Webhooks headers ' +
            '`webhook-id`, `webhook-timestamp`, `webhook-signature`), and the log of every delivery.',
        },
      ],
    },
    hideUntagged: true,
    transform: ({ schema, url }) => {
      if (DUPLICATE_MEETINGS_PREFIXES.some((prefix) => url.startsWith(`${prefix}/`))) return { schema: { ...schema, hide: true }, url };
      if (url.startsWith(`${DOCUMENTED_MEETINGS_PREFIX}/`)) return { schema: { ...schema, security: [{ [APPLICATION_JWT_SCHEME]: [] }] }, url };
      if (url.startsWith('/rcvideo/')) return { schema: { ...schema, security: [{ [RINGCENTRAL_OAUTH_SCHEME]: ['Video'] }] }, url };
      return { schema, url };
    },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    logo: { type: 'image/svg+xml', content: Buffer.from(PARLEY_WORDMARK), href: '/docs', target: '_self' },
    theme: { title: 'Parley API', favicon: [{ filename: 'favicon.svg', rel: 'icon', sizes: 'any', type: 'image/svg+xml', content: Buffer.from(PARLEY_MARK) }] },
  });
}
