export { ParleyRoom, type JoinOptions, type RemoteParticipant, type RoomEvents, type DisconnectReason } from './parley-room.js';
export { fetchRoomInfo, type RoomInfoOptions } from './room-info.js';
export { ParleyClientError, type ClientErrorCode } from './client-error.js';
export { classifyNetworkQuality, NETWORK_QUALITY_THRESHOLDS, type NetworkQuality, type NetworkSample } from './network-quality.js';
export {
  CHAT_MESSAGE_MAX_LENGTH,
  RECONNECT_GRACE_MS,
  canModerate,
  type ChatMessage,
  type StreamSource,
  type VideoSource,
  type VideoTileView,
  type MeetingSettings,
  type RoomFeatures,
  type WaitingGuest,
  type WaitingReason,
} from '@parley/protocol';
