import { ParleyError } from '../errors.js';
import type { Room } from '../rooms/room.js';
import type { Recording } from './recording.js';
import type { SessionRecorder } from './session-recorder.js';

export interface RoomRecordingControlDeps {
  /** The application's room; rejects with `not_found` for a room that is not its. */
  roomOf(applicationId: string, roomId: string): Promise<Room>;
  /** The recorder of the room's live session, when one runs here. */
  recorderOf(roomId: string): Pick<SessionRecorder, 'start' | 'stop'> | undefined;
}

/**
 * Starting and stopping, through the API, the recording of a room's meeting in progress (a Parley
 * extension: Vonage's rooms recorded only by `auto_record` or from the meeting page). The rules are
 * the live session's own: the room's recording must be on, and an automatic recording cannot stop.
 */
export class RoomRecordingControl {
  constructor(private readonly deps: RoomRecordingControlDeps) {}

  async start(applicationId: string, roomId: string): Promise<Recording> {
    return (await this.recorder(applicationId, roomId)).start();
  }

  async stop(applicationId: string, roomId: string): Promise<Recording> {
    return (await this.recorder(applicationId, roomId)).stop();
  }

  private async recorder(applicationId: string, roomId: string): Promise<Pick<SessionRecorder, 'start' | 'stop'>> {
    const room = await this.deps.roomOf(applicationId, roomId);
    const recorder = this.deps.recorderOf(room.id);
    if (!recorder) throw ParleyError.conflict(`Room ${room.id} has no meeting in progress: a recording starts once someone has joined`);
    return recorder;
  }
}
