import {
  canModerate,
  canPublish,
  REACTIONS,
  type AssignableRole,
  type EndMeetingRequest,
  type MediaKind,
  type MeetingControlRequest,
  type ParticipantRef,
  type RaisedHand,
  type ReactionEmoji,
  type ServerMessage,
} from '@parley/protocol';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { ParleyError } from '../errors.js';
import type { RoomBlocksRepository } from '../store/room-blocks-repository.js';
import type { SessionsRepository } from '../store/sessions-repository.js';
import { displayNameOf } from './display-name.js';
import { HandQueue } from './hand-queue.js';
import type { LiveParticipant } from './live-participant.js';
import { assertMayLowerHand, assertMayModerate, assertMayModerateTarget } from './moderation-rules.js';
import { ParticipantRateLimiter } from './participant-rate-limiter.js';
import { SerialQueue } from './serial-queue.js';

/** Per participant: at most this many reactions in any window of `REACTION_RATE_WINDOW_MS`. */
export const REACTION_RATE_LIMIT = 5;
export const REACTION_RATE_WINDOW_MS = 5_000;
/** Per participant: at most this many renames in any window of `RENAME_RATE_WINDOW_MS`; each one reaches everyone. */
export const RENAME_RATE_LIMIT = 5;
export const RENAME_RATE_WINDOW_MS = 60_000;

/** The controls a session's participants use; `end-meeting` ends the session itself, in `LiveRooms`. */
export type SessionControlRequest = Exclude<MeetingControlRequest, EndMeetingRequest>;

/** How the controls reach the session's participants; the live session provides it. */
export interface SessionMembers {
  find(participantId: string): LiveParticipant | undefined;
  all(): Iterable<LiveParticipant>;
  /** To every participant. */
  broadcast(message: ServerMessage): void;
  /** Takes a participant out of the session, cut off at the media server and told `message` first. */
  remove(participant: LiveParticipant, message: ServerMessage): Promise<void>;
  /** The roles `set-role` may give in this session (a meeting's, or a webinar's). */
  assignableRoles: readonly AssignableRole[];
  /** A participant's role changed: a new moderator is shown what moderators see (the waiting room). */
  roleChanged(participant: LiveParticipant): Promise<void>;
}

interface Dependencies {
  roomBlocks: Pick<RoomBlocksRepository, 'block'>;
  sessions: Pick<SessionsRepository, 'renameParticipant'>;
  clock: Clock;
  logger: Logger;
}

const MUTED_FIELD = { audio: 'audioMuted', video: 'videoMuted' } as const;

/**
 * Raised hands, reactions and moderation in one live session, with the server as their authority:
 * every request is checked against `moderation-rules`, and moderation stops media at the media server
 * rather than trusting the page. Requests are carried out one at a time, in arrival order.
 */
export class MeetingControls {
  private readonly hands = new HandQueue();
  private readonly reactionLimiter: ParticipantRateLimiter;
  private readonly renameLimiter: ParticipantRateLimiter;
  /**
   * What moderators stopped, by identity: someone who leaves and comes back (to shake off a mute,
   * say) finds it still stopped.
   */
  private readonly moderatedIdentities = new Map<string, Record<MediaKind, boolean>>();
  /** What moderators asked each participant to turn on, and not yet accepted. */
  private readonly unmuteAsks = new Map<string, Set<MediaKind>>();
  private readonly queue = new SerialQueue();

  constructor(
    private readonly roomId: string,
    private readonly members: SessionMembers,
    private readonly deps: Dependencies,
  ) {
    this.reactionLimiter = new ParticipantRateLimiter(REACTION_RATE_LIMIT, REACTION_RATE_WINDOW_MS, deps.clock);
    this.renameLimiter = new ParticipantRateLimiter(RENAME_RATE_LIMIT, RENAME_RATE_WINDOW_MS, deps.clock);
  }

  /** The hands up, first raised first. */
  raisedHands(): RaisedHand[] {
    return this.hands.list();
  }

  /**
   * Sets up a participant who just joined, before their page hears of it: what moderators stopped for
   * their identity stays stopped.
   */
  async admit(participant: LiveParticipant): Promise<void> {
    const carried = participant.identity === undefined ? undefined : this.moderatedIdentities.get(participant.identity);
    if (!carried) return;
    for (const kind of ['audio', 'video'] as const) {
      if (carried[kind]) await participant.publisher.setModerated(kind, true);
    }
    participant.info = {
      ...participant.info,
      moderated: { ...carried },
      audioMuted: participant.info.audioMuted || carried.audio,
      videoMuted: participant.info.videoMuted || carried.video,
    };
  }

  /**
   * Has a participant who is joining start muted as if a moderator had muted them (a webinar whose host
   * controls panelists' microphones): they speak once a moderator asks them to and they accept.
   */
  async holdMuted(participant: LiveParticipant): Promise<void> {
    if (participant.info.moderated.audio) return;
    await participant.publisher.setModerated('audio', true);
    participant.info = { ...participant.info, moderated: { ...participant.info.moderated, audio: true }, audioMuted: true };
  }

  /** Refuses a participant's own media change that would turn on what a moderator stopped. */
  checkMediaState(participant: LiveParticipant, state: { audioMuted: boolean; videoMuted: boolean }): void {
    if (!canPublish(participant.info.role) && (!state.audioMuted || !state.videoMuted)) {
      throw ParleyError.forbidden('Attendees watch and listen: only the panel turns on a microphone or camera');
    }
    const { moderated } = participant.info;
    if (moderated.audio && !state.audioMuted) {
      throw new ParleyError('media_moderated', 'A moderator muted you: you can unmute once a moderator asks you to');
    }
    if (moderated.video && !state.videoMuted) {
      throw new ParleyError('media_moderated', 'A moderator turned off your camera: you can turn it on once a moderator asks you to');
    }
  }

  /** Carries out a request from `actor`, or rejects with a `ParleyError` saying why not. */
  handle(actor: LiveParticipant, request: SessionControlRequest): Promise<void> {
    return this.queue.run(async () => {
      if (actor.left) throw ParleyError.badRequest('You are no longer in this meeting');
      switch (request.type) {
        case 'set-display-name':
          return this.rename(actor, request.displayName);
        case 'raise-hand':
          return this.raiseHand(actor);
        case 'lower-hand':
          return this.lowerHand(actor, request.participantId === undefined ? actor : this.participant(request.participantId));
        case 'send-reaction':
          return this.sendReaction(actor, request.emoji);
        case 'stop-media': {
          const target = this.participant(request.participantId);
          assertMayModerateTarget(actor.info, target.info, request.kind === 'audio' ? 'mute someone' : "turn off someone's camera");
          return this.stopMedia(actor, target, request.kind);
        }
        case 'mute-everyone':
          return this.muteEveryone(actor);
        case 'ask-to-unmute':
          return this.askToUnmute(actor, this.participant(request.participantId), request.kind);
        case 'accept-unmute':
          return this.acceptUnmute(actor, request.kind);
        case 'remove-participant':
          return this.removeParticipant(actor, this.participant(request.participantId), request.block);
        case 'set-role':
          return this.setRole(actor, this.participant(request.participantId), request.role);
      }
    });
  }

  /** The participant left: their hand goes down with them, and what they were asked goes too. */
  forget(participant: LiveParticipant): void {
    this.hands.lower(participant.id);
    this.reactionLimiter.forget(participant.id);
    this.renameLimiter.forget(participant.id);
    this.unmuteAsks.delete(participant.id);
  }

  /** Renames the actor, in the session's record first: only then does anyone see the new name. */
  private async rename(actor: LiveParticipant, requested: string): Promise<void> {
    const displayName = displayNameOf(requested);
    if (displayName === actor.info.displayName) return;
    if (!this.renameLimiter.take(actor.id)) {
      throw ParleyError.rateLimited(`Too many new names: at most ${RENAME_RATE_LIMIT} a minute`);
    }
    await this.deps.sessions.renameParticipant(actor.id, displayName);
    if (actor.left) return;
    this.update(actor, { displayName });
  }

  private raiseHand(actor: LiveParticipant): void {
    const hand = this.hands.raise(actor.id, this.deps.clock.now().toISOString());
    if (hand) this.members.broadcast({ type: 'hand-raised', hand });
  }

  private lowerHand(actor: LiveParticipant, target: LiveParticipant): void {
    assertMayLowerHand(actor.info, target.info);
    if (!this.hands.lower(target.id)) return;
    this.members.broadcast({ type: 'hand-lowered', participantId: target.id, ...(target === actor ? {} : { by: refOf(actor) }) });
  }

  private sendReaction(actor: LiveParticipant, emoji: ReactionEmoji): void {
    if (!REACTIONS.includes(emoji)) throw ParleyError.validation(`Reactions are ${REACTIONS.join(' ')}`);
    if (!this.reactionLimiter.take(actor.id)) {
      throw ParleyError.rateLimited(`Too many reactions: at most ${REACTION_RATE_LIMIT} every ${REACTION_RATE_WINDOW_MS / 1000} seconds`);
    }
    this.members.broadcast({ type: 'reaction', participantId: actor.id, emoji, sentAt: this.deps.clock.now().toISOString() });
  }

  /** Stops the target's media at the media server first: only then does anyone hear it stopped. */
  private async stopMedia(actor: LiveParticipant, target: LiveParticipant, kind: MediaKind): Promise<void> {
    this.unmuteAsks.get(target.id)?.delete(kind);
    if (target.info.moderated[kind]) return;
    await target.publisher.setModerated(kind, true);
    if (target.left) return;
    this.update(target, { moderated: { ...target.info.moderated, [kind]: true }, [MUTED_FIELD[kind]]: true });
    target.connection.send({ type: 'media-stopped', kind, by: refOf(actor) });
  }

  private async muteEveryone(actor: LiveParticipant): Promise<void> {
    assertMayModerate(actor.info, 'mute everyone');
    const targets = [...this.members.all()].filter((p) => p !== actor && !canModerate(p.info.role) && canPublish(p.info.role));
    const results = await Promise.allSettled(targets.map((target) => this.stopMedia(actor, target, 'audio')));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed.length > 0) {
      this.deps.logger.warn({ err: failed[0]?.reason, failed: failed.length }, 'muting everyone left some unmuted');
      throw new ParleyError('media_unavailable', `${failed.length} of ${targets.length} participants could not be muted`);
    }
  }

  private askToUnmute(actor: LiveParticipant, target: LiveParticipant, kind: MediaKind): void {
    assertMayModerateTarget(actor.info, target.info, kind === 'audio' ? 'ask someone to unmute' : 'ask someone to turn on their camera');
    if (!target.info[MUTED_FIELD[kind]]) {
      throw ParleyError.badRequest(kind === 'audio' ? `${target.info.displayName} is not muted` : `${target.info.displayName}'s camera is already on`);
    }
    const asks = this.unmuteAsks.get(target.id) ?? new Set<MediaKind>();
    asks.add(kind);
    this.unmuteAsks.set(target.id, asks);
    target.connection.send({ type: 'unmute-requested', kind, by: refOf(actor) });
  }

  private async acceptUnmute(actor: LiveParticipant, kind: MediaKind): Promise<void> {
    if (!this.unmuteAsks.get(actor.id)?.delete(kind)) {
      throw ParleyError.badRequest(kind === 'audio' ? 'No moderator asked you to unmute' : 'No moderator asked you to turn on your camera');
    }
    if (!actor.info.moderated[kind]) return;
    await actor.publisher.setModerated(kind, false);
    this.update(actor, { moderated: { ...actor.info.moderated, [kind]: false } });
  }

  private async removeParticipant(actor: LiveParticipant, target: LiveParticipant, block: boolean): Promise<void> {
    assertMayModerateTarget(actor.info, target.info, block ? 'block someone' : 'remove someone');
    let removed = [target];
    if (block && target.identity !== undefined) {
      await this.deps.roomBlocks.block({
        roomId: this.roomId,
        identity: target.identity,
        displayName: target.info.displayName,
        blockedBy: actor.id,
        blockedAt: this.deps.clock.now().toISOString(),
      });
      // The same person in a second tab is blocked too.
      removed = [...this.members.all()].filter((p) => p.identity === target.identity);
    } else if (block) {
      this.deps.logger.warn({ participantId: target.id }, 'blocked a participant without an identity: removed, but they can come back');
    }
    const message: ServerMessage = { type: 'removed', blocked: block && target.identity !== undefined, by: refOf(actor) };
    await Promise.all(removed.map((p) => this.members.remove(p, message)));
  }

  private async setRole(actor: LiveParticipant, target: LiveParticipant, role: AssignableRole): Promise<void> {
    assertMayModerateTarget(actor.info, target.info, "change someone's role");
    if (!this.members.assignableRoles.includes(role)) {
      throw ParleyError.validation(`Here a moderator can make someone ${this.members.assignableRoles.join(', ')}; not ${role}`);
    }
    if (target.info.role === role) return;
    // Leaving the stage: their microphone and camera go off with it.
    this.update(target, canPublish(role) ? { role } : { role, audioMuted: true, videoMuted: true });
    await this.members.roleChanged(target);
  }

  /** Changes what everyone knows of a participant, and tells everyone, the participant included. */
  private update(participant: LiveParticipant, changes: Partial<LiveParticipant['info']>): void {
    participant.info = { ...participant.info, ...changes };
    if (participant.identity !== undefined) {
      const { moderated } = participant.info;
      if (moderated.audio || moderated.video) this.moderatedIdentities.set(participant.identity, { ...moderated });
      else this.moderatedIdentities.delete(participant.identity);
    }
    this.members.broadcast({ type: 'participant-updated', participant: participant.info });
  }

  private participant(participantId: string): LiveParticipant {
    const participant = this.members.find(participantId);
    if (!participant) throw ParleyError.notFound('That participant is no longer in the meeting');
    return participant;
  }
}

function refOf(participant: LiveParticipant): ParticipantRef {
  return { id: participant.id, displayName: participant.info.displayName };
}
