import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withMinimumVideoBitrate } from './sdp-bitrate.js';

const ANSWER = [
  'v=0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'a=rtpmap:111 opus/48000/2',
  'a=fmtp:111 useinbandfec=1',
  'm=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99',
  'a=rtpmap:96 VP8/90000',
  'a=rtpmap:97 rtx/90000',
  'a=fmtp:97 apt=96',
  'a=rtpmap:98 H264/90000',
  'a=fmtp:98 profile-level-id=42e01f;packetization-mode=1',
  'a=rtpmap:99 rtx/90000',
  'a=fmtp:99 apt=98',
  '',
].join('\r\n');

describe('minimum video bitrate', () => {
  const munged = withMinimumVideoBitrate(ANSWER, 1500).split('\r\n');

  it('adds the bitrate to a video codec without parameters', () => {
    assert.equal(munged[munged.indexOf('a=rtpmap:96 VP8/90000') + 1], 'a=fmtp:96 x-google-min-bitrate=1500;x-google-start-bitrate=1500');
  });

  it('extends a video codec’s parameters', () => {
    assert.ok(munged.includes('a=fmtp:98 profile-level-id=42e01f;packetization-mode=1;x-google-min-bitrate=1500;x-google-start-bitrate=1500'));
  });

  it('leaves audio, retransmissions and the rest alone', () => {
    assert.ok(munged.includes('a=fmtp:111 useinbandfec=1'));
    assert.ok(munged.includes('a=fmtp:97 apt=96'));
    assert.ok(munged.includes('a=fmtp:99 apt=98'));
    assert.equal(munged.length, ANSWER.split('\r\n').length + 1);
  });
});
