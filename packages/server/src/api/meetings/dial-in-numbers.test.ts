import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../config.js';
import { startMeetingsHarness, type MeetingsHarness } from './test-support/meetings-harness.js';

/** Vonage's live answer (spec §6), given to Parley as configuration. */
const NUMBERS = [
  { number: '541139862166', locale: 'es-AR', display_name: 'Argentina' },
  { number: '442381924626', locale: 'en-GB', display_name: 'United Kingdom' },
];

async function withHarness(config: Parameters<typeof startMeetingsHarness>[0], run: (h: MeetingsHarness) => Promise<void>): Promise<void> {
  const h = await startMeetingsHarness(config);
  try {
    await run(h);
  } finally {
    await h.close();
  }
}

describe('GET /dial-in-numbers', () => {
  test('answers the configured numbers as a plain array, in order, under every prefix', async () => {
    const dialInNumbers = loadConfig({ PARLEY_DIAL_IN_NUMBERS: JSON.stringify(NUMBERS) }).dialInNumbers;
    await withHarness({ config: { dialInNumbers } }, async (h) => {
      for (const prefix of ['/v1/meetings', '/meetings', '/beta/meetings']) {
        const response = await h.call('GET', `${prefix}/dial-in-numbers`);
        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), /^application\/json\b/);
        assert.deepEqual(response.json(), NUMBERS);
      }
    });
  });

  test('answers [] when none are configured (the default)', async () => {
    await withHarness({}, async (h) => {
      const response = await h.call('GET', '/v1/meetings/dial-in-numbers');
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), []);
    });
  });

  test('requires an application token, as every SDK sends one', async () => {
    await withHarness({}, async (h) => {
      const response = await h.app.inject({ method: 'GET', url: '/v1/meetings/dial-in-numbers' });
      assert.equal(response.statusCode, 401);
    });
  });
});

describe('PARLEY_DIAL_IN_NUMBERS', () => {
  const refusal = (text: string): string => {
    try {
      loadConfig({ PARLEY_DIAL_IN_NUMBERS: text });
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      return error.message;
    }
    assert.fail(`${text} was accepted`);
  };

  test('defaults to no numbers', () => {
    assert.deepEqual(loadConfig({}).dialInNumbers, []);
  });

  test('stops the server with a message naming the variable and the faulty entry', () => {
    assert.match(refusal('[{"number":"+442381924626","locale":"en-GB","display_name":"UK"}]'), /^Invalid configuration:\n {2}PARLEY_DIAL_IN_NUMBERS\[0\]\.number: must match pattern .* \(got \+442381924626\)/);
    assert.match(refusal(`[${JSON.stringify(NUMBERS[0])},{"number":"44","locale":"en_GB","display_name":"UK"}]`), /PARLEY_DIAL_IN_NUMBERS\[1\]\.locale: must match pattern .* \(got en_GB\)/);
    assert.match(refusal('[{"number":"44","locale":"en-GB","display_name":""}]'), /PARLEY_DIAL_IN_NUMBERS\[0\]\.display_name: /);
    assert.match(refusal('[{"number":"44","locale":"en-GB"}]'), /PARLEY_DIAL_IN_NUMBERS\[0\]: must have required properties display_name/);
    assert.match(refusal('{"number":"44"}'), /PARLEY_DIAL_IN_NUMBERS: must be array/);
    assert.match(refusal('[{number: 44}]'), /^Invalid configuration:\n {2}PARLEY_DIAL_IN_NUMBERS: cannot be read \(.*JSON.*\)$/);
  });
});
