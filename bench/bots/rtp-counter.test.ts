import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRtpPacket, RtpCounter, videoPayloadTypes } from './rtp-counter.js';

/** An RTP packet as SRTP leaves it: the 12-byte header in the clear, then an opaque payload. */
function rtp(options: { seq: number; ssrc: number; payloadType: number; marker?: boolean; padded?: boolean; payload?: number }): Uint8Array {
  const packet = new Uint8Array(12 + (options.payload ?? 100));
  packet[0] = options.padded ? 0xa0 : 0x80;
  packet[1] = (options.marker ? 0x80 : 0) | options.payloadType;
  packet[2] = (options.seq >> 8) & 0xff;
  packet[3] = options.seq & 0xff;
  new DataView(packet.buffer).setUint32(8, options.ssrc);
  packet.fill(0xab, 12);
  return packet;
}

const VP8 = 96;
const OPUS = 111;

describe('RTP counter', () => {
  it('tells RTP from RTCP, STUN and DTLS', () => {
    assert.equal(isRtpPacket(rtp({ seq: 1, ssrc: 1, payloadType: VP8 })), true);
    const receiverReport = new Uint8Array(32);
    receiverReport[0] = 0x81;
    receiverReport[1] = 201;
    assert.equal(isRtpPacket(receiverReport), false);
    const stunBinding = new Uint8Array(20);
    stunBinding[1] = 0x01;
    assert.equal(isRtpPacket(stunBinding), false);
    const dtlsRecord = new Uint8Array(20);
    dtlsRecord[0] = 23;
    assert.equal(isRtpPacket(dtlsRecord), false);
  });

  it('counts packets, bytes and video frames from marker bits, per stream', () => {
    const counter = new RtpCounter(new Set([VP8]));
    for (let seq = 10; seq < 20; seq++) counter.count(rtp({ seq, ssrc: 0xdeadbeef, payloadType: VP8, marker: seq % 5 === 4 }));
    // Opus sets the marker at the start of a talkspurt: not a video frame.
    for (let seq = 0; seq < 5; seq++) counter.count(rtp({ seq, ssrc: 7, payloadType: OPUS, marker: seq === 0, payload: 60 }));
    assert.deepEqual(counter.totals(), { packets: 15, bytes: 10 * 112 + 5 * 72, expected: 15, videoFrames: 2, streams: 2, videoStreams: 1 });
  });

  it('does not take a bandwidth probe’s padding for a frame', () => {
    const counter = new RtpCounter(new Set([VP8]));
    counter.count(rtp({ seq: 1, ssrc: 1, payloadType: VP8, marker: true }));
    for (let seq = 2; seq < 6; seq++) counter.count(rtp({ seq, ssrc: 1, payloadType: VP8, marker: true, padded: true, payload: 255 }));
    assert.equal(counter.totals().videoFrames, 1);
    assert.equal(counter.totals().packets, 5);
  });

  it('measures loss from sequence gaps, across the 16-bit wrap-around, without counting late packets twice', () => {
    const counter = new RtpCounter(new Set([VP8]));
    const sent = [65533, 65534, 65535, 0, 1, 2, 3, 4];
    const received = [65533, 65535, 0, 65534, 3, 4]; // 65534 arrives late; 1 and 2 are lost
    for (const seq of received) counter.count(rtp({ seq, ssrc: 1, payloadType: VP8 }));
    const totals = counter.totals();
    assert.equal(totals.expected, sent.length);
    assert.equal(totals.packets, received.length);
    assert.equal(totals.expected - totals.packets, 2);
  });

  it('ignores what is not RTP', () => {
    const counter = new RtpCounter(new Set([VP8]));
    counter.count(new Uint8Array([0x16, 0xfe, 0xfd]));
    assert.equal(counter.totals().packets, 0);
  });

  it('finds the video payload types of an SDP', () => {
    const sdp = ['v=0', 'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=rtpmap:111 opus/48000/2', 'm=video 9 UDP/TLS/RTP/SAVPF 96 97', 'm=video 9 UDP/TLS/RTP/SAVPF 98', ''].join('\r\n');
    assert.deepEqual([...videoPayloadTypes(sdp)], [96, 97, 98]);
  });
});
