import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveLanguage } from './languages';

test('first available candidate wins, by exact tag then by base language', () => {
  assert.equal(resolveLanguage(['fr', 'he-IL', 'en'], ['en', 'he']), 'he');
  assert.equal(resolveLanguage(['pt_BR'], ['en', 'pt-BR', 'pt']), 'pt-BR');
  assert.equal(resolveLanguage(['EN-gb'], ['en']), 'en');
});

test('"default", empty and unknown candidates fall back', () => {
  assert.equal(resolveLanguage(['default', null, '', 'xx'], ['en']), 'en');
  assert.equal(resolveLanguage([], ['en', 'de'], 'de'), 'de');
});
