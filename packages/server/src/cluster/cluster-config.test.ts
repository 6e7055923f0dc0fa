import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../config.js';
import { nodeInternalUrl } from './node-address.js';

describe('PARLEY_REDIS_URL and PARLEY_NODE_INTERNAL_URL', () => {
  test('a Redis URL makes the node part of a cluster; none leaves it on its own', () => {
    assert.equal(loadConfig({ PARLEY_REDIS_URL: 'redis://redis.internal:6379/0' }).redisUrl, 'redis://redis.internal:6379/0');
    assert.equal(loadConfig({ PARLEY_REDIS_URL: 'rediss://:secret@redis.example.com:6380' }).redisUrl, 'rediss://:secret@redis.example.com:6380');
    assert.equal(loadConfig({}).redisUrl, '');
  });

  test('refuses what is not a Redis URL, naming the variable', () => {
    for (const [name, value] of [['PARLEY_REDIS_URL', 'redis.internal:6379'], ['PARLEY_NODE_INTERNAL_URL', '10.0.0.7:8080'], ['PARLEY_NODE_INTERNAL_URL', 'http://10.0.0.7:8080/parley']]) {
      assert.throws(() => loadConfig({ [name as string]: value }), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, new RegExp(name as string));
        return true;
      });
    }
  });

  test('where other nodes reach this one: as set, else the listener, else the machine’s address for 0.0.0.0', () => {
    assert.equal(nodeInternalUrl(loadConfig({ PARLEY_NODE_INTERNAL_URL: 'http://10.0.0.7:8080/' })), 'http://10.0.0.7:8080');
    assert.equal(nodeInternalUrl(loadConfig({ PARLEY_HOST: '10.0.0.9', PARLEY_PORT: '9000' })), 'http://10.0.0.9:9000');
    assert.equal(nodeInternalUrl(loadConfig({ PARLEY_HOST: '::1', PARLEY_PORT: '9000' })), 'http://[::1]:9000');
    const everywhere = nodeInternalUrl(loadConfig({ PARLEY_HOST: '0.0.0.0', PARLEY_PORT: '9000' }));
    assert.match(everywhere, /^http:\/\/\d+\.\d+\.\d+\.\d+:9000$/);
    assert.notEqual(everywhere, 'http://0.0.0.0:9000', 'an address another node can connect to');
  });
});
