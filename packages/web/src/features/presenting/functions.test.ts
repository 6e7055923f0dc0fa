import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParleyClientError } from '@parley/client';
import { refusalNotice } from './functions';

const refused = (code: ParleyClientError['code']) => new ParleyClientError(code, 'server words');

test('says why the camera or a share was refused, naming who already shares', () => {
  assert.deepEqual(refusalNotice(refused('presenter_limit_reached'), undefined, 'cameraFailed'), { key: 'presenterLimit' });
  assert.deepEqual(refusalNotice(refused('screen_share_busy'), 'Ann', 'cameraFailed'), { key: 'screenShare.busy', values: { name: 'Ann' } });
  assert.deepEqual(refusalNotice(refused('screen_share_busy'), undefined, 'cameraFailed'), { key: 'screenShare.busyUnknown' });
});

test('says nothing when the user closed the screen picker, and something general for anything else', () => {
  assert.equal(refusalNotice(refused('screen_share_cancelled'), undefined, 'cameraFailed'), null);
  assert.deepEqual(refusalNotice(refused('media_failed'), undefined, 'cameraFailed'), { key: 'cameraFailed' });
  assert.deepEqual(refusalNotice(new Error('boom'), undefined, 'screenShare.failed'), { key: 'screenShare.failed' });
});
