import { ParleyError } from '../../errors.js';
import type { RoomSettingsInput } from '../../rooms/room-service.js';
import { parseLenientTimestamp } from './lenient-timestamp.js';
import { ACCEPTED_LANGUAGES, roomLanguageOf } from './room-language.js';
import type { RoomUpdateDetails } from './room-schemas.js';

/** The settings both `POST /rooms` and `PATCH /rooms/:room_id` carry, under the same names. */
export type RoomSettingsFields = Omit<RoomUpdateDetails, 'display_name'>;

/**
 * Turns the settings of a schema-valid rooms request into the domain's input. Only what the schema
 * cannot say is checked here (date text, language spelling); the rules about types and expiry belong
 * to the room service. Keys that were not sent stay absent, so the domain keeps what it has.
 */
export function roomSettingsOf(body: RoomSettingsFields): RoomSettingsInput {
  const input: RoomSettingsInput = {};
  if (body.metadata !== undefined) input.metadata = body.metadata;
  if (body.expires_at !== undefined) input.expiresAt = expiresAtOf(body.expires_at);
  if (body.expire_after_use !== undefined) input.expireAfterUse = body.expire_after_use;
  if (body.theme_id !== undefined) input.themeId = body.theme_id === 'null' ? null : body.theme_id;
  if (body.join_approval_level !== undefined) input.joinApprovalLevel = body.join_approval_level;
  if (body.initial_join_options?.microphone_state !== undefined) {
    input.microphoneState = body.initial_join_options.microphone_state;
  }
  if (body.callback_urls) {
    const { rooms_callback_url, sessions_callback_url, recordings_callback_url } = body.callback_urls;
    input.callbackUrls = {
      ...(rooms_callback_url !== undefined ? { rooms: rooms_callback_url } : {}),
      ...(sessions_callback_url !== undefined ? { sessions: sessions_callback_url } : {}),
      ...(recordings_callback_url !== undefined ? { recordings: recordings_callback_url } : {}),
    };
  }
  if (body.available_features) input.features = featuresOf(body.available_features);
  if (body.ui_settings?.language !== undefined) input.language = languageOf(body.ui_settings.language);
  return input;
}

function expiresAtOf(text: string): Date {
  const date = parseLenientTimestamp(text);
  if (!date) throw ParleyError.validation('"expires_at" must be a valid date');
  return date;
}

function languageOf(text: string): NonNullable<RoomSettingsInput['language']> {
  const language = roomLanguageOf(text);
  if (!language) throw ParleyError.validation(`"ui_settings.language" must be one of [${ACCEPTED_LANGUAGES.join(', ')}]`);
  return language;
}

function featuresOf(features: NonNullable<RoomSettingsFields['available_features']>): NonNullable<RoomSettingsInput['features']> {
  const wire = {
    recording: features.is_recording_available,
    chat: features.is_chat_available,
    whiteboard: features.is_whiteboard_available,
    localeSwitcher: features.is_locale_switcher_available,
    captions: features.is_captions_available,
  };
  return Object.fromEntries(Object.entries(wire).filter(([, value]) => value !== undefined));
}
