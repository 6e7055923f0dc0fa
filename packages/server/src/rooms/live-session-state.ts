import type { Logger } from 'pino';
import { PARTICIPANT_ROLES, type MediaKind, type ParticipantRole } from '@parley/protocol';
import type { OutageTolerantWrites } from '../store/outage-tolerant-writes.js';
import type { SessionsRepository } from '../store/sessions-repository.js';

/**
 * What of a live meeting outlives the node running it, for the node that takes the meeting over (the
 * first died, or drained). Everything else is in the database already (who took part, chat, a
 * webinar's runtime status and Q&A) or is let go: raised hands come down, reactions are moments.
 */
export interface LiveSessionState {
  locked: boolean;
  /** A recording was running: the node taking over records on, in a recording of its own. */
  recording: { automatic: boolean } | null;
  captions: boolean;
  /** What moderators stopped, by participant id. */
  moderated: Record<string, Record<MediaKind, boolean>>;
  /**
   * Everyone's role now, by participant id: a co-host promoted during the meeting comes back a co-host
   * (the session's record keeps the role each joined with).
   */
  roles: Record<string, ParticipantRole>;
}

export const INITIAL_LIVE_SESSION_STATE: LiveSessionState = { locked: false, recording: null, captions: false, moderated: {}, roles: {} };

/** Reads the kept state; anything missing or unreadable is the state a new session starts with. */
export function parseLiveSessionState(json: string | undefined): LiveSessionState {
  if (json === undefined) return INITIAL_LIVE_SESSION_STATE;
  try {
    const value = JSON.parse(json) as Partial<LiveSessionState>;
    return {
      locked: value.locked === true,
      recording: value.recording && typeof value.recording === 'object' ? { automatic: value.recording.automatic === true } : null,
      captions: value.captions === true,
      moderated: value.moderated && typeof value.moderated === 'object' ? value.moderated : {},
      roles: rolesOf(value.roles),
    };
  } catch {
    return INITIAL_LIVE_SESSION_STATE;
  }
}

/**
 * Writes a session's state to the database as it changes, one write at a time and only when it did
 * change, so a node killed without warning leaves the latest state behind.
 */
export class LiveSessionStateKeeper {
  private saved: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly sessionId: string,
    initial: LiveSessionState,
    private readonly deps: { sessions: Pick<SessionsRepository, 'saveLiveState'>; writes: OutageTolerantWrites; logger: Logger },
  ) {
    this.saved = JSON.stringify(initial);
  }

  /**
   * Keeps `state` if it differs from what was kept; resolves once it is written, or waits for the
   * database to come back, or failed (logged).
   */
  keep(state: LiveSessionState): Promise<void> {
    const json = JSON.stringify(state);
    if (json === this.saved) return this.writing;
    this.saved = json;
    this.writing = this.deps.writes
      .run('meeting state', () => this.deps.sessions.saveLiveState(this.sessionId, json))
      .catch((error: Error) => this.deps.logger.error({ err: error, sessionId: this.sessionId }, 'keeping the meeting state failed'));
    return this.writing;
  }
}

/** The roles kept, any that is not a role left out. */
function rolesOf(value: unknown): Record<string, ParticipantRole> {
  if (!value || typeof value !== 'object') return {};
  const known = new Set<string>(PARTICIPANT_ROLES);
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, ParticipantRole] => typeof entry[1] === 'string' && known.has(entry[1])));
}
