import { canModerate, type ParticipantInfo } from '@parley/protocol';

/** What a moderator can do to someone from the participants panel. */
export type ModerationAction =
  | 'mute'
  | 'askToUnmute'
  | 'stopCamera'
  | 'askToStartCamera'
  | 'lowerHand'
  | 'makeCohost'
  | 'removeCohost'
  | 'bringOnStage'
  | 'moveToAudience'
  | 'remove'
  | 'block';

/**
 * The actions the page offers `viewer` on `target`, in menu order. They follow the server's rules
 * (`rooms/moderation-rules.ts`), which enforce them whatever the page offers: moderators act on others,
 * never on a host, though any moderator may lower anyone's raised hand.
 */
export function moderationActions(viewer: ParticipantInfo, target: ParticipantInfo, handRaised: boolean): ModerationAction[] {
  if (!canModerate(viewer.role) || viewer.id === target.id) return [];
  const actions: ModerationAction[] = [];
  if (handRaised) actions.push('lowerHand');
  if (target.role === 'host') return actions;
  // A webinar's attendee sends nothing: the one thing to do besides removing them is to bring them on stage.
  if (target.role === 'attendee') return [...actions, 'bringOnStage', 'remove', 'block'];
  actions.push(target.audioMuted ? 'askToUnmute' : 'mute');
  actions.push(target.videoMuted ? 'askToStartCamera' : 'stopCamera');
  actions.push(target.role === 'cohost' ? 'removeCohost' : 'makeCohost');
  if (target.role === 'panelist') actions.push('moveToAudience');
  actions.push('remove', 'block');
  return actions;
}

/** The actions that take someone out of the meeting, and so ask for confirmation first. */
export function isDrastic(action: ModerationAction): action is 'remove' | 'block' {
  return action === 'remove' || action === 'block';
}
