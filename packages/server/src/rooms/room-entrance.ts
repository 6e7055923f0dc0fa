import { canModerate, type ParticipantRole, type WaitingGuest } from '@parley/protocol';
import type { Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import { admissionOf, type MeetingDoor } from './admission.js';
import type { ParticipantConnection } from './live-participant.js';
import { admittanceRefusal, isHeldBack, type ParticipantUser } from './room-admittance.js';
import { PASSWORD_ATTEMPT_WINDOW_MS, PasswordAttempts } from './password-attempts.js';
import type { Room } from './room.js';
import type { RoomPasswordLinks } from './room-password-links.js';
import { verifyRoomPassword } from './room-password.js';
import { WaitingRoom, waitingRoomFull } from './waiting-room.js';

/** Someone at a room's door, on their way into its meeting. */
export interface Arrival {
  room: Room;
  role: ParticipantRole;
  displayName: string;
  password: string | undefined;
  /** Where they connect from: wrong passwords are counted per room and address. */
  address: string;
  /** They came with a personal link of a webinar (an invitee's, a registrant's): no password is asked of them. */
  personalLink?: boolean;
  /** They wait for a moderator's answer whatever the room's approval level (a webinar's panelists, when it says so). */
  untilAnswered?: boolean;
  /** The user their participant token names; undefined for a guest. */
  user: ParticipantUser | undefined;
  /** The account the room belongs to (through its application), which `account_users` and `other_accounts` compare with. */
  roomAccountId: string;
  /** Told when they have to wait. */
  connection: ParticipantConnection;
  /** Aborts a wait: their connection closed, or they left. */
  signal: AbortSignal | undefined;
}

interface Dependencies {
  clock: Clock;
  /** The lock and host presence of the room's live meeting; undefined when nobody is in it. */
  meetingDoorOf: (roomId: string) => MeetingDoor | undefined;
  /** Who waits at a room's door changed; its meeting's moderators are to be shown the list. */
  onWaitingChanged: (roomId: string, waiting: WaitingGuest[]) => void;
  /** Accepts a room's join query (a link's `?pw=`) where its password is asked for. */
  passwordLinks: Pick<RoomPasswordLinks, 'matches'>;
}

/**
 * The way into every room's meeting on this node: who the room admits at all, its password, the lock
 * and the waiting room, applied to each arrival in that order. Moderators' answers and room changes
 * reach waiting guests through here too.
 */
export class RoomEntrance {
  private readonly waitingRooms = new Map<string, WaitingRoom>();
  private readonly passwordAttempts: PasswordAttempts;

  constructor(private readonly deps: Dependencies) {
    this.passwordAttempts = new PasswordAttempts(deps.clock);
  }

  /**
   * Resolves once the arrival may join the meeting, straight away or after waiting; rejects with a
   * `ParleyError` saying why not (`forbidden` when the room admits only users, or only its account's,
   * `password_required`, `password_incorrect`, `rate_limited`,
   * `room_locked`, `room_full` when too many wait, `admission_denied`, `room_unavailable` when the room
   * closed meanwhile, `bad_request` when they gave up).
   */
  async pass(arrival: Arrival): Promise<void> {
    const { room, role, user, roomAccountId } = arrival;
    if (!canModerate(role)) {
      const refusal = admittanceRefusal(room.admittance, user, roomAccountId);
      if (refusal) throw ParleyError.forbidden(refusal);
      if (!arrival.personalLink) await this.checkPassword(arrival);
    }
    // From here to queueing nothing awaits: a host arriving meanwhile cannot slip between the decision
    // and the queue, and leave this guest waiting for a host who is already in.
    const heldBack = isHeldBack(room.approvalAudience, user, roomAccountId);
    const approvalLevel = arrival.untilAnswered ? 'explicit_approval' : room.joinApprovalLevel;
    const admission = admissionOf(role, approvalLevel, this.deps.meetingDoorOf(room.id), heldBack || arrival.untilAnswered === true);
    if (admission.kind === 'refuse') throw new ParleyError(admission.code, 'This meeting is locked');
    if (admission.kind === 'enter') return;
    const waitingRoom = this.waitingRoomOf(room.id);
    // Refused before being told to wait, so a page never shows the waiting room to someone it turns away.
    if (waitingRoom.isFull) throw waitingRoomFull();
    arrival.connection.send({ type: 'waiting', reason: admission.reason });
    try {
      await waitingRoom.wait(arrival.displayName, arrival.signal, { untilAnswered: arrival.untilAnswered === true });
    } finally {
      // Every wait ends here, however it ends: the last one out takes the waiting room with it.
      if (waitingRoom.isEmpty && this.waitingRooms.get(room.id) === waitingRoom) this.waitingRooms.delete(room.id);
    }
  }

  /** Everyone waiting at the room's door, longest waiting first. */
  waiting(roomId: string): WaitingGuest[] {
    return this.waitingRooms.get(roomId)?.list() ?? [];
  }

  /**
   * A moderator's answer to the named waiting guests; throws `not_found` when none of them waits any
   * more (another moderator answered first, or they left).
   */
  answer(roomId: string, waitingIds: readonly string[], admit: boolean): void {
    const waitingRoom = this.waitingRooms.get(roomId);
    const answered = waitingRoom ? (admit ? waitingRoom.admit(waitingIds) : waitingRoom.deny(waitingIds)) : 0;
    if (answered === 0) throw ParleyError.notFound('Nobody of those is waiting to join any more');
  }

  /**
   * Lets in whoever the room's rules now admit: after its host came in, after its approval level
   * changed. Every waiting guest waits for the same thing, so they all go in or all stay (but those who
   * wait for a moderator's answer whatever the level).
   */
  reconsider(room: Room): void {
    const waitingRoom = this.waitingRooms.get(room.id);
    if (!waitingRoom) return;
    if (admissionOf('guest', room.joinApprovalLevel, this.deps.meetingDoorOf(room.id)).kind === 'enter') waitingRoom.admitAll();
  }

  /** The room closed for good: nobody waiting will get in. */
  close(roomId: string): void {
    this.waitingRooms.get(roomId)?.turnAllAway(new ParleyError('room_unavailable', 'This meeting is no longer available'));
  }

  private async checkPassword({ room, password, address }: Arrival): Promise<void> {
    if (room.passwordHash === null) return;
    if (password === undefined || password === '') throw new ParleyError('password_required', 'This meeting needs a password');
    if (!this.passwordAttempts.begin(room.id, address)) {
      throw ParleyError.rateLimited(`Too many wrong passwords; try again in ${PASSWORD_ATTEMPT_WINDOW_MS / 1000} seconds`);
    }
    if (!this.deps.passwordLinks.matches(room, password) && !(await verifyRoomPassword(password, room.passwordHash))) {
      throw new ParleyError('password_incorrect', 'That password is not right');
    }
    this.passwordAttempts.succeeded(room.id, address);
  }

  private waitingRoomOf(roomId: string): WaitingRoom {
    let waitingRoom = this.waitingRooms.get(roomId);
    if (!waitingRoom) {
      const created = new WaitingRoom(this.deps.clock, () => this.deps.onWaitingChanged(roomId, created.list()));
      waitingRoom = created;
      this.waitingRooms.set(roomId, waitingRoom);
    }
    return waitingRoom;
  }
}
