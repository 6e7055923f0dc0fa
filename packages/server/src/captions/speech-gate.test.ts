import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SpeechGate, type GateEvent } from './speech-gate.js';

const SAMPLES_PER_MS = 16;

/** `ms` of 16 kHz audio: a 200 Hz tone of this amplitude (0 is digital silence). */
function audio(ms: number, amplitude: number): Buffer {
  const samples = ms * SAMPLES_PER_MS;
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) pcm.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 200 * i) / 16_000) * amplitude), i * 2);
  return pcm;
}
const silence = (ms: number): Buffer => audio(ms, 0);
const speech = (ms: number): Buffer => audio(ms, 3000);

/** The events, with audio as its length in milliseconds. */
function summary(events: GateEvent[]): string[] {
  return events.map((event) => (event.type === 'close' ? 'close' : `${event.type} ${event.audio.length / 2 / SAMPLES_PER_MS}ms`));
}

const options = { loudRms: 184, openAfterLoudFrames: 3, closeAfterSilenceMs: 1_000, prerollMs: 200 };

describe('the speech gate', () => {
  test('stays shut through silence and a quiet room, opens on speech with what came just before it', () => {
    const gate = new SpeechGate(options);
    assert.deepEqual(gate.push(silence(3_000)), []);
    // A quiet room through a noise-suppressed microphone: well under the threshold.
    assert.deepEqual(gate.push(audio(2_000, 100)), []);
    assert.equal(gate.isOpen, false);
    // Opened on the third loud frame, with 200 ms of pre-roll before the first one; the rest passes.
    assert.deepEqual(summary(gate.push(speech(500))), ['open 260ms', 'audio 440ms']);
    assert.equal(gate.isOpen, true);
  });

  test('a click shorter than three frames does not open it', () => {
    const gate = new SpeechGate(options);
    assert.deepEqual(gate.push(Buffer.concat([silence(500), speech(40), silence(500), speech(20), silence(500)])), []);
  });

  test('keeps open through pauses between sentences, and closes once the speaker has been quiet long enough', () => {
    const gate = new SpeechGate(options);
    gate.push(speech(300));
    assert.deepEqual(summary(gate.push(Buffer.concat([silence(800), speech(200)]))), ['audio 1000ms']);
    assert.deepEqual(summary(gate.push(silence(1_500))), ['audio 980ms', 'close']);
    assert.equal(gate.isOpen, false);
    // The silence after closing is not passed on, and the next speech opens it again.
    assert.deepEqual(summary(gate.push(speech(100))), ['open 260ms', 'audio 40ms']);
  });

  test('takes audio in pieces of any length, even splitting a sample', () => {
    const pcm = Buffer.concat([silence(700), speech(300), silence(1_200)]);
    const whole = new SpeechGate(options).push(pcm);
    assert.deepEqual(summary(whole), ['open 260ms', 'audio 1220ms', 'close']);
    const gate = new SpeechGate(options);
    const pieces: GateEvent[] = [];
    for (let at = 0; at < pcm.length; at += 333) pieces.push(...gate.push(pcm.subarray(at, at + 333)));
    // The same events, the audio cut differently.
    const kinds = (events: GateEvent[]) => events.map((e) => e.type).filter((type, i, all) => !(type === 'audio' && all[i - 1] === 'audio'));
    const passed = (events: GateEvent[]) => Buffer.concat(events.flatMap((e) => (e.type === 'close' ? [] : [e.audio])));
    assert.deepEqual(kinds(pieces), kinds(whole));
    assert.ok(passed(pieces).equals(passed(whole)));
  });

  test('once shut after a failure, ignores speech for the hold, then opens again', () => {
    const gate = new SpeechGate(options);
    gate.push(speech(200));
    gate.shut(1_000);
    assert.equal(gate.isOpen, false);
    assert.deepEqual(gate.push(speech(900)), []);
    assert.deepEqual(summary(gate.push(speech(200))), ['open 260ms', 'audio 40ms']);
  });
});
