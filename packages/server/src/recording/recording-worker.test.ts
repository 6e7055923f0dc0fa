import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { seedRecording } from '../api/meetings/test-support/recording-fixtures.js';
import { startMeetingsHarness, type MeetingsHarness } from '../api/meetings/test-support/meetings-harness.js';
import { RecordingWorker } from './recording-worker.js';
import type { Recording } from './recording.js';

/**
 * The worker's bookkeeping over the real repository: what it takes up after a restart, one recording
 * at a time, and that stopping leaves the one under way to the next start. Processing itself is
 * `recording-processor.test.ts`'s; here it only notes what it was given, and finishes when told.
 */
describe('RecordingWorker', () => {
  let h: MeetingsHarness;
  before(async () => {
    h = await startMeetingsHarness();
  });
  after(() => h.close());

  /** A processor that marks each recording uploaded once `finish` is called for it (or at once). */
  function recordingProcessor(options: { hold?: boolean } = {}) {
    const processed: string[] = [];
    const waiting = new Map<string, () => void>();
    let running = 0;
    let mostAtOnce = 0;
    return {
      processed,
      mostAtOnce: () => mostAtOnce,
      finish: (id: string) => waiting.get(id)?.(),
      async process(recording: Recording, signal?: AbortSignal): Promise<void> {
        processed.push(recording.id);
        mostAtOnce = Math.max(mostAtOnce, ++running);
        try {
          if (options.hold) {
            await new Promise<void>((resolve, reject) => {
              waiting.set(recording.id, resolve);
              signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
            });
          }
          await h.services.recordings.markUploaded(recording.id, { filePath: `recordings/${recording.id}.mp4`, byteSize: 1 }, 'https://x.test', h.clock.now().toISOString());
        } finally {
          running--;
        }
      },
    };
  }
  const statusOf = async (id: string) => (await h.services.recordings.findById(h.application.id, id))?.status;
  /** Leaves no recording of earlier tests waiting, so each test's worker sees only its own. */
  const drainEarlier = async () => {
    const worker = new RecordingWorker({ recordings: h.services.recordings, processor: recordingProcessor(), clock: h.clock, logger: pino({ level: 'silent' }) });
    await worker.start();
    await worker.idle();
  };

  test('on start it ends what a crash left recording, and processes it with what was ended or being processed, one at a time', async () => {
    await drainEarlier();
    const started = await seedRecording(h, { status: 'started' });
    const ended = await seedRecording(h, { status: 'ended' });
    const processing = await seedRecording(h, { status: 'processing' });
    const failed = await seedRecording(h, { status: 'failed' });
    const processor = recordingProcessor();
    const worker = new RecordingWorker({ recordings: h.services.recordings, processor, clock: h.clock, logger: pino({ level: 'silent' }) });

    worker.wake();
    assert.deepEqual(processor.processed, [], 'nothing before start');
    await worker.start();
    await worker.idle();
    assert.deepEqual(new Set(processor.processed), new Set([started.recording.id, ended.recording.id, processing.recording.id]));
    assert.equal(processor.mostAtOnce(), 1);
    for (const seeded of [started, ended, processing]) assert.equal(await statusOf(seeded.recording.id), 'uploaded');
    assert.equal(await statusOf(failed.recording.id), 'failed', 'a failed recording waits for a retry');
  });

  test('a recording that ends while another is processed is processed next; stopping leaves the one under way for the next start', async () => {
    await drainEarlier();
    const first = await seedRecording(h, { status: 'ended' });
    const processor = recordingProcessor({ hold: true });
    const worker = new RecordingWorker({ recordings: h.services.recordings, processor, clock: h.clock, logger: pino({ level: 'silent' }) });
    await worker.start();
    const second = await seedRecording(h, { status: 'ended' });
    worker.wake();
    processor.finish(first.recording.id);
    await waitFor(() => processor.processed.length === 2);
    assert.deepEqual(processor.processed, [first.recording.id, second.recording.id]);

    await worker.stop();
    assert.equal(await statusOf(second.recording.id), 'processing', 'left as it was, not failed');
    const next = new RecordingWorker({ recordings: h.services.recordings, processor: recordingProcessor(), clock: h.clock, logger: pino({ level: 'silent' }) });
    await next.start();
    await next.idle();
    assert.equal(await statusOf(second.recording.id), 'uploaded');
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
