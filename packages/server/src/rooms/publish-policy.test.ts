import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StreamSource } from '@parley/protocol';
import { parleyErrorWith } from '../test-support/test-services.js';
import { offeredSources, publishRefusal, type OtherPublisher } from './publish-policy.js';

/** An offer with one media line per entry: `kind:mid:direction`. */
function offer(...lines: string[]): string {
  const sdp = ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0'];
  for (const line of lines) {
    const [kind, mid, direction] = line.split(':');
    sdp.push(`m=${kind} 9 UDP/TLS/RTP/SAVPF 96`, `a=mid:${mid}`, `a=${direction}`);
  }
  return `${sdp.join('\r\n')}\r\n`;
}

const other = (displayName: string, ...sources: StreamSource[]): OtherPublisher => ({ displayName, sources: new Set(sources) });

describe('offeredSources', () => {
  it('reads the named source of each line, and which of them send', () => {
    const sdp = offer('audio:0:sendonly', 'video:1:inactive', 'video:2:sendonly', 'audio:3:sendonly');
    const result = offeredSources(sdp, { '0': 'microphone', '1': 'camera', '2': 'screen', '3': 'screen-audio' });
    assert.deepEqual([...result.byMid], [['0', 'microphone'], ['1', 'camera'], ['2', 'screen'], ['3', 'screen-audio']]);
    assert.deepEqual([...result.sending].sort(), ['microphone', 'screen', 'screen-audio']);
  });

  it('takes the first audio line for the microphone and the first video line for the camera when nothing is named', () => {
    const result = offeredSources(offer('audio:a:sendonly', 'video:v:sendonly'), undefined);
    assert.deepEqual([...result.sending].sort(), ['camera', 'microphone']);
  });

  it('refuses a sending line nobody named', () => {
    assert.throws(
      () => offeredSources(offer('audio:0:sendonly', 'video:1:sendonly', 'video:2:sendonly'), undefined),
      parleyErrorWith('validation_failed', 'Media line 2 sends, but its source is not named'),
    );
    assert.throws(() => offeredSources(offer('audio:0:sendonly'), { '1': 'camera' }), parleyErrorWith('validation_failed', 'The offer has no media line 1'));
  });

  it('refuses a source on a line of the other kind, and one source sent twice', () => {
    assert.throws(() => offeredSources(offer('audio:0:sendonly'), { '0': 'camera' }), parleyErrorWith('validation_failed', 'Media line 0 is audio, which cannot carry camera'));
    assert.throws(
      () => offeredSources(offer('video:0:sendonly', 'video:1:sendonly'), { '0': 'camera', '1': 'camera' }),
      parleyErrorWith('validation_failed', 'The offer sends camera twice'),
    );
  });

  it('lets a line that does not send go unnamed', () => {
    const result = offeredSources(offer('audio:0:sendonly', 'video:1:inactive'), { '0': 'microphone' });
    assert.deepEqual([...result.sending], ['microphone']);
  });
});

describe('publishRefusal', () => {
  it('allows audio whatever the others send', () => {
    assert.equal(publishRefusal(new Set(['microphone']), [other('Ann', 'camera'), other('Bob', 'camera')], 2), undefined);
  });

  it('allows video up to the presenter limit, then refuses it', () => {
    assert.equal(publishRefusal(new Set(['microphone', 'camera']), [other('Ann', 'camera'), other('Bob', 'microphone')], 2), undefined);
    const refusal = publishRefusal(new Set(['camera']), [other('Ann', 'camera'), other('Bob', 'screen')], 2);
    assert.ok(refusal && parleyErrorWith('presenter_limit_reached', 'This meeting’s presenter limit is reached (2 sending video); audio still works')(refusal));
  });

  it('counts a screen share as video', () => {
    assert.equal(publishRefusal(new Set(['screen']), [other('Ann', 'camera')], 1)?.code, 'presenter_limit_reached');
  });

  it('refuses a second screen share, naming who shares', () => {
    const refusal = publishRefusal(new Set(['camera', 'screen']), [other('Ann', 'microphone', 'screen')], 25);
    assert.ok(refusal && parleyErrorWith('screen_share_busy', 'Ann is already sharing their screen; one person shares at a time')(refusal));
  });
});
