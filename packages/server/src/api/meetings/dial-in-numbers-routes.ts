import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import type { DialInNumber } from '../../config.js';

/** The answer, a plain array as Vonage's was (no HAL wrapper). */
export const DialInNumbersJson = Type.Array(
  Type.Object({
    number: Type.String({ description: 'Digits only, no `+`.' }),
    locale: Type.String({ description: 'BCP-47-like, e.g. `en-GB`.' }),
    display_name: Type.String({ description: 'The country.' }),
  }),
  { description: 'The configured dial-in numbers (`PARLEY_DIAL_IN_NUMBERS`), a plain array.' },
);
export type DialInNumbersJson = Static<typeof DialInNumbersJson>;

/** `GET /dial-in-numbers`: the numbers this deployment is configured with (`PARLEY_DIAL_IN_NUMBERS`). */
export function registerDialInNumberRoutes(app: FastifyInstance, deps: { dialInNumbers: readonly DialInNumber[] }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const body: DialInNumbersJson = deps.dialInNumbers.map(({ number, locale, display_name }) => ({ number, locale, display_name }));
  api.get(
    '/dial-in-numbers',
    { schema: { summary: 'List the dial-in numbers', tags: ['Dial-in numbers'], response: { 200: DialInNumbersJson } } },
    async (_request, reply) => reply.type('application/json').send(body),
  );
}
