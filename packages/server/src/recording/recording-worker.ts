import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Cluster } from '../cluster/cluster.js';
import type { RecordingsRepository } from '../store/recordings-repository.js';
import type { Recording } from './recording.js';

export interface RecordingWorkerDeps {
  recordings: Pick<RecordingsRepository, 'claimNextEnded' | 'requeueProcessing' | 'listStarted' | 'end'>;
  processor: { process(recording: Recording, signal?: AbortSignal): Promise<void> };
  clock: Clock;
  logger: Logger;
  /** The other nodes, whose recordings are theirs to end and process; absent for a node on its own. */
  cluster?: Pick<Cluster, 'nodes'>;
}

/**
 * Post-processes ended recordings off the request path, one at a time (it uses every core ffmpeg is
 * given), oldest first. Woken whenever a recording ends or is retried; on start it takes up whatever a
 * previous run left: recordings still `started` (their sessions died with that run: they end now),
 * `ended` and not yet processed, and those it was processing when it stopped. Stopping aborts the
 * recording under way, which the next start processes again.
 */
export class RecordingWorker {
  private running: Promise<void> | undefined;
  private wokenWhileRunning = false;
  private started = false;
  private readonly stopping = new AbortController();

  constructor(private readonly deps: RecordingWorkerDeps) {}

  /** Run once at start-up, before any session starts. */
  async start(): Promise<void> {
    // Processing itself is safe on every node at once (each recording is claimed atomically), but
    // what looks left over to a node starting may be a live node's recording under way: that is
    // taken up only by a node that finds itself alone (the cluster starting again).
    if (this.deps.cluster && (await this.deps.cluster.nodes()).length > 1) {
      this.started = true;
      this.wake();
      return;
    }
    const orphaned = await this.deps.recordings.listStarted();
    for (const recording of orphaned) await this.deps.recordings.end(recording.id, this.deps.clock.now().toISOString());
    if (orphaned.length > 0) this.deps.logger.warn({ recordings: orphaned.length }, 'ended recordings left recording by a previous run');
    const requeued = await this.deps.recordings.requeueProcessing();
    if (requeued > 0) this.deps.logger.warn({ recordings: requeued }, 'processing again recordings a previous run left unfinished');
    this.started = true;
    this.wake();
  }

  /** There may be a recording to process. Before `start` (or after `stop`), nothing happens. */
  wake(): void {
    if (!this.started || this.stopping.signal.aborted) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    this.running = this.drain()
      .catch((error: Error) => this.deps.logger.error({ err: error }, 'recording post-processing stopped'))
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Resolves once nothing is being processed any more; whatever was under way is left for the next start. */
  async stop(): Promise<void> {
    this.stopping.abort(new Error('The server is stopping'));
    await this.running;
  }

  /** Resolves once every recording waiting now, or woken meanwhile, is processed (for tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    do {
      this.wokenWhileRunning = false;
      for (let recording = await this.next(); recording; recording = await this.next()) {
        await this.deps.processor.process(recording, this.stopping.signal).catch((error: unknown) => {
          // Aborted by `stop`: not a failure, the recording is processed again on the next start.
          if (!this.stopping.signal.aborted) throw error;
        });
      }
    } while (this.wokenWhileRunning);
  }

  private async next(): Promise<Recording | undefined> {
    return this.stopping.signal.aborted ? undefined : this.deps.recordings.claimNextEnded();
  }
}
