import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../config.js';

describe('PARLEY_JANUS_URLS', () => {
  test('lists the pool’s Janus servers, comma-separated, spaces and empty entries ignored', () => {
    assert.deepEqual(loadConfig({ PARLEY_JANUS_URLS: ' ws://10.0.0.5:8188, wss://janus-b.example.com/janus ,,' }).janusUrls, ['ws://10.0.0.5:8188', 'wss://janus-b.example.com/janus']);
    assert.deepEqual(loadConfig({}).janusUrls, [], 'none: Parley runs its own Janus');
  });

  test('refuses what is not a WebSocket URL, naming the variable', () => {
    assert.throws(() => loadConfig({ PARLEY_JANUS_URLS: 'ws://10.0.0.5:8188,http://10.0.0.6:8088' }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /PARLEY_JANUS_URLS\[1\]/);
      return true;
    });
  });

  test('refuses PARLEY_JANUS_URL beside it: one list says which Janus servers there are', () => {
    assert.throws(() => loadConfig({ PARLEY_JANUS_URL: 'ws://10.0.0.5:8188', PARLEY_JANUS_URLS: 'ws://10.0.0.6:8188' }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /PARLEY_JANUS_URL and PARLEY_JANUS_URLS are both set/);
      return true;
    });
  });
});
