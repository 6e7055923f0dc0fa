export { ParleyRoom, type JoinOptions, type RemoteParticipant, type RoomEvents, type Reaction } from './parley-room.js';
export { fetchRoomInfo, type RoomInfoOptions } from './room-info.js';
export { signInToRoom, type RoomSignInOptions } from './room-sign-in.js';
export { ParleyClientError, type ClientErrorCode } from './client-error.js';
export { classifyNetworkQuality, NETWORK_QUALITY_THRESHOLDS, type NetworkQuality, type NetworkSample } from './network-quality.js';
export { rememberedGuestId } from './guest-identity.js';
export {
  CHAT_MESSAGE_MAX_LENGTH,
  DISPLAY_NAME_MAX_LENGTH,
  REACTIONS,
  RECONNECT_GRACE_MS,
  canModerate,
  canPublish,
  type DisconnectReason,
  type Caption,
  type CaptionsState,
  type ChatMessage,
  type MediaKind,
  type MeetingSettings,
  type ParticipantInfo,
  type ParticipantRef,
  type ParticipantRole,
  type RaisedHand,
  type ReactionEmoji,
  type RecordingState,
  type RoomFeatures,
  type StreamSource,
  type VideoSource,
  type VideoTileView,
  type WaitingGuest,
  type WaitingReason,
  type AssignableRole,
  type SettableRuntimeStatus,
  type WebinarQuestion,
  type WebinarRuntimeStatus,
  type WebinarRules,
  QUESTION_MAX_LENGTH,
} from '@parley/protocol';
