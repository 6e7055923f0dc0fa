import type { ParleyRoom } from '@parley/client';
import type { ModerationAction } from './functions';

/** Carries out a moderation action through the SDK; the server checks it and may refuse. */
export function performModeration(room: ParleyRoom, action: ModerationAction, participantId: string): Promise<void> {
  switch (action) {
    case 'mute':
      return room.muteParticipant(participantId);
    case 'askToUnmute':
      return room.askToUnmute(participantId, 'audio');
    case 'stopCamera':
      return room.stopParticipantCamera(participantId);
    case 'askToStartCamera':
      return room.askToUnmute(participantId, 'video');
    case 'lowerHand':
      return room.lowerHand(participantId);
    case 'makeCohost':
      return room.setParticipantRole(participantId, 'cohost');
    case 'removeCohost':
      // A webinar's co-host stays on stage, as a panelist.
      return room.setParticipantRole(participantId, room.runtimeStatus === undefined ? 'guest' : 'panelist');
    case 'bringOnStage':
      return room.setParticipantRole(participantId, 'panelist');
    case 'moveToAudience':
      return room.setParticipantRole(participantId, 'attendee');
    case 'remove':
      return room.removeParticipant(participantId);
    case 'block':
      return room.removeParticipant(participantId, { block: true });
  }
}
