/**
 * The baseline: a Janus started and configured by Parley's own code (the same generated config, the
 * same static event loops) but with no Parley in the media path. Its rooms are created with Parley's
 * own VideoRoom settings, so both paths forward exactly the same media; the bots reach it directly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JanodeHandle } from 'janode';
import pino from 'pino';
import type { MediaRoom } from '../../packages/server/src/media/media-backend.js';
import { JanusClient } from '../../packages/server/src/media/janus/janus-client.js';
import { JanusProcess } from '../../packages/server/src/media/janus/janus-process.js';
import { VideoRoom } from '../../packages/server/src/media/janus/videoroom-room.js';
import { MAX_PARTICIPANTS } from '../../packages/server/src/rooms/live-session.js';

const REQUEST_TIMEOUT_MS = 10_000;
/** Apart from the range Parley's own Janus uses in tests (41000–41999). */
const RTP_PORTS = { min: 43000, max: 43999 };

export class BareJanus {
  private constructor(
    private readonly janus: JanusProcess,
    private readonly client: JanusClient,
    private readonly manager: JanodeHandle,
    private readonly dataDir: string,
    readonly url: string,
  ) {}

  static async start(): Promise<BareJanus> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-janus-'));
    const janus = new JanusProcess({ binary: 'janus', dataDir, rtpPorts: RTP_PORTS, logger: pino({ level: 'silent' }) });
    const url = await janus.start();
    // Janus is this process's child: it must not outlive a benchmark that is interrupted or fails.
    const pid = janus.pid;
    process.once('exit', () => {
      if (pid !== undefined && janus.pid === pid) process.kill(pid, 'SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const client = await JanusClient.connect(url, REQUEST_TIMEOUT_MS);
    return new BareJanus(janus, client, await client.attachVideoRoom(), dataDir, url);
  }

  get pid(): number {
    const pid = this.janus.pid;
    if (pid === undefined) throw new Error('The bare Janus is not running');
    return pid;
  }

  createRoom(id: string): Promise<MediaRoom> {
    return VideoRoom.create(this.client, this.manager, { id, description: id, maxPublishers: MAX_PARTICIPANTS }, pino({ level: 'silent' }));
  }

  async stop(): Promise<void> {
    await this.client.close();
    await this.janus.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
