import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';
import { REACTIONS, VIDEO_VIEW_MAX_TILES, WAITING_ANSWER_MAX_GUESTS, type ClientMessage } from '@parley/protocol';

/** The schema every message from a page must match before the server acts on it. */
const IceCandidateSchema = Type.Object({
  candidate: Type.String({ maxLength: 2048 }),
  sdpMid: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  sdpMLineIndex: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1024 }), Type.Null()])),
});

const Sdp = Type.String({ minLength: 1, maxLength: 200_000 });
const RequestId = Type.Optional(Type.String({ minLength: 1, maxLength: 64 }));
const ParticipantId = Type.String({ minLength: 1, maxLength: 64 });
const QuestionId = Type.String({ minLength: 1, maxLength: 64 });
const MediaKind = Type.Union([Type.Literal('audio'), Type.Literal('video')]);

const WaitingIds = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: WAITING_ANSWER_MAX_GUESTS });

const StreamSourceSchema = Type.Union([Type.Literal('microphone'), Type.Literal('camera'), Type.Literal('screen'), Type.Literal('screen-audio')]);

/** A size on screen, in device pixels: bounded well above any display. */
const Pixels = Type.Integer({ minimum: 0, maximum: 16_384 });

export const ClientMessageSchema = Type.Union([
  Type.Object({
    type: Type.Literal('join'),
    meetingCode: Type.String({ minLength: 1, maxLength: 64 }),
    participantToken: Type.Optional(Type.String({ maxLength: 4096 })),
    guestId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' })),
    // Only a bound on the frame: the domain tidies the name and refuses a wrong one with a clear error.
    displayName: Type.String({ maxLength: 1000 }),
    audioMuted: Type.Boolean(),
    videoMuted: Type.Boolean(),
    // Only a bound on the frame: the room's entrance says when a password is missing or wrong.
    password: Type.Optional(Type.String({ maxLength: 1024 })),
  }),
  Type.Object({
    type: Type.Literal('publish'),
    sdp: Sdp,
    // Mids are short tokens; an offer has a handful of lines (the domain checks them against the SDP).
    sources: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 32 }), StreamSourceSchema, { maxProperties: 16 })),
    requestId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  }),
  Type.Object({ type: Type.Literal('subscriber-answer'), sdp: Sdp }),
  Type.Object({
    type: Type.Literal('trickle'),
    pc: Type.Union([Type.Literal('publisher'), Type.Literal('subscriber')]),
    candidate: Type.Union([IceCandidateSchema, Type.Null()]),
  }),
  Type.Object({ type: Type.Literal('media-state'), audioMuted: Type.Boolean(), videoMuted: Type.Boolean() }),
  Type.Object({ type: Type.Literal('leave') }),
  Type.Object({
    type: Type.Literal('chat-send'),
    // Only a bound on the frame: the domain trims the text and refuses a wrong length with a clear error.
    text: Type.String({ maxLength: 16_000 }),
    requestId: RequestId,
  }),
  Type.Object({
    type: Type.Literal('resume'),
    meetingCode: Type.String({ minLength: 1, maxLength: 64 }),
    // A signed token naming the session, the participant and who they are (their display name included).
    resumeToken: Type.String({ minLength: 1, maxLength: 4096 }),
  }),
  Type.Object({ type: Type.Literal('ping') }),
  Type.Object({ type: Type.Literal('subscriber-ice-restart') }),
  Type.Object({ type: Type.Literal('set-lock'), locked: Type.Boolean() }),
  Type.Object({ type: Type.Literal('admit'), waitingIds: WaitingIds }),
  Type.Object({ type: Type.Literal('deny'), waitingIds: WaitingIds }),
  Type.Object({
    type: Type.Literal('video-view'),
    tiles: Type.Array(
      Type.Object({
        participantId: Type.String({ minLength: 1, maxLength: 64 }),
        source: Type.Union([Type.Literal('camera'), Type.Literal('screen')]),
        width: Pixels,
        height: Pixels,
      }),
      { maxItems: VIDEO_VIEW_MAX_TILES },
    ),
  }),
  // Only a bound on the frame: the domain tidies the name and refuses a wrong one with a clear error.
  Type.Object({ type: Type.Literal('set-display-name'), displayName: Type.String({ maxLength: 1000 }), requestId: RequestId }),
  Type.Object({ type: Type.Literal('raise-hand'), requestId: RequestId }),
  Type.Object({ type: Type.Literal('lower-hand'), participantId: Type.Optional(ParticipantId), requestId: RequestId }),
  Type.Object({ type: Type.Literal('send-reaction'), emoji: Type.Union(REACTIONS.map((emoji) => Type.Literal(emoji))), requestId: RequestId }),
  Type.Object({ type: Type.Literal('stop-media'), participantId: ParticipantId, kind: MediaKind, requestId: RequestId }),
  Type.Object({ type: Type.Literal('mute-everyone'), requestId: RequestId }),
  Type.Object({ type: Type.Literal('ask-to-unmute'), participantId: ParticipantId, kind: MediaKind, requestId: RequestId }),
  Type.Object({ type: Type.Literal('accept-unmute'), kind: MediaKind, requestId: RequestId }),
  Type.Object({ type: Type.Literal('remove-participant'), participantId: ParticipantId, block: Type.Boolean(), requestId: RequestId }),
  Type.Object({
    type: Type.Literal('set-role'),
    participantId: ParticipantId,
    role: Type.Union([Type.Literal('cohost'), Type.Literal('guest'), Type.Literal('panelist'), Type.Literal('attendee')]),
    requestId: RequestId,
  }),
  Type.Object({ type: Type.Literal('end-meeting'), requestId: RequestId }),
  Type.Object({ type: Type.Literal('start-recording'), requestId: RequestId }),
  Type.Object({ type: Type.Literal('stop-recording'), requestId: RequestId }),
  Type.Object({
    type: Type.Literal('set-runtime-status'),
    status: Type.Union([Type.Literal('Live'), Type.Literal('Break'), Type.Literal('Debrief')]),
    requestId: RequestId,
  }),
  // Only a bound on the frame: the domain trims the text and refuses a wrong length with a clear error.
  Type.Object({ type: Type.Literal('ask-question'), text: Type.String({ maxLength: 4000 }), anonymous: Type.Optional(Type.Boolean()), requestId: RequestId }),
  Type.Object({ type: Type.Literal('answer-question'), questionId: QuestionId, text: Type.String({ maxLength: 4000 }), requestId: RequestId }),
  Type.Object({ type: Type.Literal('dismiss-question'), questionId: QuestionId, requestId: RequestId }),
  Type.Object({ type: Type.Literal('media-reconnect-ack') }),
  Type.Object({ type: Type.Literal('set-captions'), active: Type.Boolean(), requestId: RequestId }),
]);

// The schema and the protocol's hand-written types must agree; this line fails to compile if not.
const agrees: Static<typeof ClientMessageSchema> extends ClientMessage ? true : false = true;
void agrees;

/** Parses one WebSocket text frame; `undefined` when it is not a valid client message. */
export function parseClientMessage(text: string): ClientMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return Value.Check(ClientMessageSchema, value) ? (value as ClientMessage) : undefined;
}
