import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sdpMediaLines } from './sdp-media-lines.js';

/** The shape of a Chromium publisher offer: microphone, simulcast camera turned off, screen share. */
const OFFER = [
  'v=0',
  'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
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
  'a=inactive',
  'a=rid:h send',
  'a=simulcast:send h;m;l',
  'm=video 9 UDP/TLS/RTP/SAVPF 96',
  'a=mid:2',
  'a=sendonly',
  'm=audio 0 UDP/TLS/RTP/SAVPF 111',
  'a=mid:3',
  'a=sendonly',
  '',
].join('\r\n');

describe('sdpMediaLines', () => {
  it('lists every media line with its mid, kind and whether it sends', () => {
    assert.deepEqual(sdpMediaLines(OFFER), [
      { mid: '0', kind: 'audio', sending: true },
      { mid: '1', kind: 'video', sending: false },
      { mid: '2', kind: 'video', sending: true },
      // Port 0: a stopped transceiver sends nothing, whatever its direction says.
      { mid: '3', kind: 'audio', sending: false },
    ]);
  });

  it('falls back to the session-level direction, then to sendrecv', () => {
    const lines = (session: string) => ['v=0', session, 'm=audio 9 RTP/SAVPF 111', 'a=mid:a', 'm=video 9 RTP/SAVPF 96', 'a=mid:v', 'a=recvonly'].join('\n');
    assert.deepEqual(sdpMediaLines(lines('s=-')).map((l) => l.sending), [true, false]);
    assert.deepEqual(sdpMediaLines(lines('a=inactive')).map((l) => l.sending), [false, false]);
  });

  it('finds nothing in text that is not SDP', () => {
    assert.deepEqual(sdpMediaLines('hello'), []);
  });
});
