export { ParleyRoom, type JoinOptions, type RemoteParticipant, type RoomEvents, type DisconnectReason, type Reaction } from './parley-room.js';
export { fetchRoomInfo, type RoomInfoOptions } from './room-info.js';
export { ParleyClientError, type ClientErrorCode } from './client-error.js';
export { rememberedGuestId } from './guest-identity.js';
export {
  CHAT_MESSAGE_MAX_LENGTH,
  REACTIONS,
  canModerate,
  type ChatMessage,
  type MediaKind,
  type ParticipantInfo,
  type ParticipantRef,
  type ParticipantRole,
  type RaisedHand,
  type ReactionEmoji,
} from '@parley/protocol';
