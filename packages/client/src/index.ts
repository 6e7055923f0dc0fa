export { ParleyRoom, type JoinOptions, type RemoteParticipant, type RoomEvents, type DisconnectReason } from './parley-room.js';
export { fetchRoomInfo, type RoomInfoOptions } from './room-info.js';
export { ParleyClientError, type ClientErrorCode } from './client-error.js';
export { CHAT_MESSAGE_MAX_LENGTH, type ChatMessage, type StreamSource, type VideoSource, type VideoTileView } from '@parley/protocol';
