import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publishedMids } from './published-mids.js';

const offer = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0 1 2',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'c=IN IP4 0.0.0.0',
  'a=mid:0',
  'a=sendonly',
  'a=rtpmap:111 opus/48000/2',
  'm=video 9 UDP/TLS/RTP/SAVPF 96',
  'a=mid:1',
  'a=sendonly',
  'a=simulcast:send h;m;l',
  'm=video 9 UDP/TLS/RTP/SAVPF 96',
  'a=mid:screen',
  'a=sendonly',
  'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
  'a=mid:3',
  '',
].join('\r\n');

test('finds the mid of every audio and video line an offer sends, in order', () => {
  assert.deepEqual(publishedMids(offer), { audio: ['0'], video: ['1', 'screen'] });
});

test('skips lines that send nothing: rejected, receive-only or inactive', () => {
  const sdp = offer.replace('m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:screen', 'm=video 0 UDP/TLS/RTP/SAVPF 96\r\na=mid:screen').replace('a=mid:0\r\na=sendonly', 'a=mid:0\r\na=inactive');
  assert.deepEqual(publishedMids(sdp), { audio: [], video: ['1'] });
  assert.deepEqual(publishedMids('v=0\r\n'), { audio: [], video: [] });
});
