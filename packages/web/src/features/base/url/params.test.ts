import assert from 'node:assert/strict';
import { test } from 'node:test';
import { meetingCodeFromPath, readUrlParams } from './params';

test('host URL: meeting code and participant token from the query', () => {
  const p = readUrlParams({ pathname: '/', search: '?room_token=123456789&participant_token=abc.def.ghi' });
  assert.equal(p.meetingCode, '123456789');
  assert.equal(p.participantToken, 'abc.def.ghi');
  assert.equal(p.skipPrejoin, false);
});

test('guest URL: meeting code from the path', () => {
  const p = readUrlParams({ pathname: '/987654321', search: '?display_name=%20Ada%20&skip_prejoin=1&lang=he' });
  assert.equal(p.meetingCode, '987654321');
  assert.equal(p.participantToken, null);
  assert.equal(p.displayName, 'Ada');
  assert.equal(p.skipPrejoin, true);
  assert.equal(p.language, 'he');
});

test('no meeting code at the root or in deeper paths', () => {
  assert.equal(meetingCodeFromPath('/'), null);
  assert.equal(meetingCodeFromPath('/a/b'), null);
  assert.equal(meetingCodeFromPath('/%E0%A4%A'), null);
  assert.equal(meetingCodeFromPath('/abc/'), 'abc');
});

test('empty parameters count as absent', () => {
  const p = readUrlParams({ pathname: '/', search: '?room_token=&display_name=&skip_prejoin=0' });
  assert.equal(p.meetingCode, null);
  assert.equal(p.displayName, null);
  assert.equal(p.skipPrejoin, false);
});
