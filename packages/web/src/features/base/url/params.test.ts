import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readUrlParams, roomPathOf } from './params';

test('host URL: meeting code and participant token from the query', () => {
  const p = readUrlParams({ pathname: '/', search: '?room_token=123456789&participant_token=abc.def.ghi' });
  assert.equal(p.meetingCode, '123456789');
  assert.equal(p.company, null);
  assert.equal(p.participantToken, 'abc.def.ghi');
  assert.equal(p.skipPrejoin, false);
});

test('guest URL: meeting code from the path', () => {
  const p = readUrlParams({ pathname: '/987654321', search: '?display_name=%20Ada%20&skip_prejoin=1&lang=he' });
  assert.equal(p.meetingCode, '987654321');
  assert.equal(p.company, null);
  assert.equal(p.participantToken, null);
  assert.equal(p.displayName, 'Ada');
  assert.equal(p.skipPrejoin, true);
  assert.equal(p.language, 'he');
});

test('guest URL under a short company URL: company, then meeting code', () => {
  const p = readUrlParams({ pathname: '/acme-co/987654321', search: '' });
  assert.equal(p.company, 'acme-co');
  assert.equal(p.meetingCode, '987654321');
  assert.equal(p.participantToken, null);
});

test('host URL under a short company URL: the one segment is the company', () => {
  const p = readUrlParams({ pathname: '/acme_co~1/', search: '?room_token=123456789&participant_token=abc.def.ghi' });
  assert.equal(p.company, 'acme_co~1');
  assert.equal(p.meetingCode, '123456789');
  assert.equal(p.participantToken, 'abc.def.ghi');
});

test('the query names the meeting even under a two-segment path', () => {
  const p = readUrlParams({ pathname: '/acme/111', search: '?room_token=222' });
  assert.deepEqual([p.company, p.meetingCode], ['acme', '222']);
});

test('paths that name no room', () => {
  assert.deepEqual(roomPathOf('/', false), { company: null, meetingCode: null });
  assert.deepEqual(roomPathOf('/', true), { company: null, meetingCode: null });
  assert.deepEqual(roomPathOf('/a/b/c', false), { company: null, meetingCode: null });
  assert.deepEqual(roomPathOf('/%E0%A4%A', false), { company: null, meetingCode: null });
  assert.deepEqual(roomPathOf('/acme/%E0%A4%A', false), { company: null, meetingCode: null });
  assert.deepEqual(roomPathOf('/abc/', false), { company: null, meetingCode: 'abc' });
  assert.deepEqual(roomPathOf('/%20/', true), { company: null, meetingCode: null });
});

test('segments are percent-decoded', () => {
  assert.deepEqual(roomPathOf('/my%7Ecompany/123', false), { company: 'my~company', meetingCode: '123' });
});

test('empty parameters count as absent', () => {
  const p = readUrlParams({ pathname: '/', search: '?room_token=&display_name=&skip_prejoin=0' });
  assert.equal(p.meetingCode, null);
  assert.equal(p.company, null);
  assert.equal(p.displayName, null);
  assert.equal(p.skipPrejoin, false);
});

test('a link may carry the room password (a bridge join URL\'s pw)', () => {
  assert.equal(readUrlParams({ pathname: '/987654321', search: '?pw=99e4f8e6a241fc71279449a9c8f46eef' }).linkPassword, '99e4f8e6a241fc71279449a9c8f46eef');
  assert.equal(readUrlParams({ pathname: '/987654321', search: '?pw=' }).linkPassword, null);
  assert.equal(readUrlParams({ pathname: '/987654321', search: '' }).linkPassword, null);
});
