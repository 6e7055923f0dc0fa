import type { ChatMessage, ParticipantInfo, RaisedHand, ResumedEvent, ServerMessage } from '@parley/protocol';

/**
 * @internal What a page missed while its connection was down, as the messages it would have received:
 * who left, who joined, who changed, whose hand went up or down, and what was said. Replayed through the room's usual handling,
 * the events a page listens to tell it everything, with no duplicate participant or message.
 */
export function catchUpMessages(
  known: { participants: readonly ParticipantInfo[]; chatMessageIds: ReadonlySet<string>; raisedHands: readonly RaisedHand[] },
  state: Omit<ResumedEvent, 'nodeUrls'>,
): ServerMessage[] {
  const messages: ServerMessage[] = [];
  const now = new Map(state.participants.map((p) => [p.id, p]));
  const before = new Map(known.participants.map((p) => [p.id, p]));
  for (const id of before.keys()) {
    if (!now.has(id)) messages.push({ type: 'participant-left', participantId: id });
  }
  for (const participant of state.participants) {
    const previous = before.get(participant.id);
    if (!previous) messages.push({ type: 'participant-joined', participant });
    else if (!sameInfo(previous, participant)) messages.push({ type: 'participant-updated', participant });
  }
  // Hands of people who left went down with them, as they do live.
  const handsNow = new Set(state.raisedHands.map((hand) => hand.participantId));
  const handsBefore = new Set(known.raisedHands.map((hand) => hand.participantId));
  for (const id of handsBefore) {
    if (!handsNow.has(id) && now.has(id)) messages.push({ type: 'hand-lowered', participantId: id });
  }
  for (const hand of state.raisedHands) {
    if (!handsBefore.has(hand.participantId)) messages.push({ type: 'hand-raised', hand });
  }
  const missed: ChatMessage[] = state.chatHistory.filter((m) => !known.chatMessageIds.has(m.id));
  for (const message of missed) messages.push({ type: 'chat-message', message });
  return messages;
}

function sameInfo(a: ParticipantInfo, b: ParticipantInfo): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof ParticipantInfo)[]);
  // Values are flags, strings and small records of flags (`moderated`): comparing their JSON is exact.
  return [...keys].every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}
