import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import * as initial from './0001-initial.js';
import * as themesLogosRecordings from './0002-themes-logos-recordings.js';
import * as roomsDeletedAt from './0003-rooms-deleted-at.js';
import * as chatMessages from './0004-chat-messages.js';
import * as roomsJoinPassword from './0006-rooms-join-password.js';
import * as webhooks from './0007-webhooks.js';
import * as roomBlocks from './0008-room-blocks.js';
import * as ringcentral from './0009-ringcentral.js';
import * as recordingPipeline from './0010-recording-pipeline.js';
import * as roomKind from './0011-room-kind.js';
import * as webinars from './0012-webinars.js';
import * as webinarRuntime from './0013-webinar-runtime.js';
import * as roomCameraAndScreenSharing from './0014-room-camera-and-screen-sharing.js';
import * as sessionLiveState from './0015-session-live-state.js';
import * as emailOutbox from './0016-email-outbox.js';

export interface DialectMigration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/** Every migration, in order. Names sort: add new ones at the end with the next number. */
export const MIGRATIONS: Record<string, DialectMigration> = {
  '0001-initial': initial,
  '0002-themes-logos-recordings': themesLogosRecordings,
  '0003-rooms-deleted-at': roomsDeletedAt,
  '0004-chat-messages': chatMessages,
  '0006-rooms-join-password': roomsJoinPassword,
  '0007-webhooks': webhooks,
  '0008-room-blocks': roomBlocks,
  '0009-ringcentral': ringcentral,
  '0010-recording-pipeline': recordingPipeline,
  '0011-room-kind': roomKind,
  '0012-webinars': webinars,
  '0013-webinar-runtime': webinarRuntime,
  '0014-room-camera-and-screen-sharing': roomCameraAndScreenSharing,
  '0015-session-live-state': sessionLiveState,
  '0016-email-outbox': emailOutbox,
};
