import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withRidsLargestFirst } from './simulcast-order.js';

describe('withRidsLargestFirst', () => {
  it('reverses the rid lines and the simulcast line, and nothing else', () => {
    const sdp = 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rid:q send\r\na=rid:h send\r\na=rid:f send\r\na=simulcast:send q;h;f\r\n';
    assert.equal(withRidsLargestFirst(sdp), 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rid:f send\r\na=rid:h send\r\na=rid:q send\r\na=simulcast:send f;h;q\r\n');
  });

  it('leaves an offer without simulcast alone', () => {
    const sdp = 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendonly\r\n';
    assert.equal(withRidsLargestFirst(sdp), sdp);
  });
});
