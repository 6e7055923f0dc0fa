import Type from 'typebox';
import { AUTOMATION_MODES, BRIDGE_TYPES, PLAY_TONES, WAITING_ROOM_REQUIRED } from '../../rooms/bridge.js';
import { ROOM_PASSWORD_MAX_LENGTH } from '../../rooms/room-password.js';

const Flag = (description?: string) => Type.Optional(Type.Boolean(description ? { description } : {}));
const Choice = <const Values extends string[]>(values: readonly [...Values], description: string) => Type.Optional(Type.Enum(values, { description }));
const Lockable = Type.Optional(Type.Object({ enabled: Flag(), locked: Flag('Shown back; Parley has no locked preferences of its own.') }));

/** `BridgePreferences`, every field optional (what is left out keeps its value). */
const BridgePreferences = Type.Object({
  join: Type.Optional(
    Type.Object({
      audioMuted: Flag('Everyone joins muted (the room\'s microphone forced off on join).'),
      videoMuted: Flag('Everyone joins with the camera off. Kept and shown; the meeting page does not read it yet.'),
      waitingRoomRequired: Choice(WAITING_ROOM_REQUIRED, 'Who waits for the host: `Nobody`, `Everybody`, `GuestsOnly` (no user identity), `OtherAccount` (guests and other accounts\' users).'),
      pstn: Type.Optional(Type.Object({ promptAnnouncement: Flag(), promptParticipants: Flag() })),
    }),
  ),
  playTones: Choice(PLAY_TONES, 'Kept and shown: Parley plays no tones.'),
  musicOnHold: Flag('Kept and shown: Parley plays no music.'),
  joinBeforeHost: Flag('false: everyone but the host waits until the host has joined.'),
  screenSharing: Flag('Kept and shown.'),
  recordingsMode: Choice(AUTOMATION_MODES, '`Auto` and `ForceAuto` record every meeting from its start; `User` leaves it to the host.'),
  transcriptionsMode: Choice(AUTOMATION_MODES, 'Kept and shown.'),
  recordings: Type.Optional(Type.Object({ everyoneCanControl: Lockable, autoShared: Lockable })),
  allowEveryoneTranscribeMeetings: Flag('Kept and shown.'),
});

const BridgeRequestSecurity = Type.Object({
  passwordProtected: Flag('Guests must give the password (or come through a link with `?pw=`).'),
  password: Type.Optional(Type.String({ minLength: 1, maxLength: ROOM_PASSWORD_MAX_LENGTH, description: 'Implies `passwordProtected`; generated when protected without one.' })),
  noGuests: Flag('Only users (whom a participant token names) may join.'),
  sameAccount: Flag('Only users of the bridge\'s account may join.'),
  e2ee: Flag('Kept and shown: media is encrypted on each hop (DTLS-SRTP), not end to end.'),
});

const WebPin = Type.String({ maxLength: 32, description: '9 to 32 digits: the meeting code of the bridge\'s page.' });
const PstnPin = Type.String({ maxLength: 32, description: '8 to 16 digits.' });
const Name = Type.String({ minLength: 1, maxLength: 255 });

/** `CreateBridgeRequest`: everything optional; an empty body makes an Instant bridge. */
export const CreateBridgeRequest = Type.Object({
  name: Type.Optional(Name),
  type: Choice(BRIDGE_TYPES, '`Instant` (kept three days, closes after its meeting), `Scheduled` or `PMI` (the user\'s default bridge, at most one).'),
  pins: Type.Optional(Type.Object({ web: Type.Optional(WebPin), pstn: Type.Optional(Type.Object({ host: Type.Optional(PstnPin), participant: Type.Optional(PstnPin) })) })),
  security: Type.Optional(BridgeRequestSecurity),
  preferences: Type.Optional(BridgePreferences),
});

/** `UpdateBridgeRequest`: no `type`, no PSTN PINs. */
export const UpdateBridgeRequest = Type.Object({
  name: Type.Optional(Name),
  pins: Type.Optional(Type.Object({ web: Type.Optional(WebPin) })),
  security: Type.Optional(BridgeRequestSecurity),
  preferences: Type.Optional(BridgePreferences),
});

const Id = (description: string) => Type.String({ minLength: 1, maxLength: 64, description });

export const AccountExtensionParams = Type.Object({
  accountId: Id('The account, or `~` for the token\'s.'),
  extensionId: Id('The user (extension), or `~` for the token\'s.'),
});
export const BridgeParams = Type.Object({ bridgeId: Id('The bridge (its room\'s id).') });
export const PinParams = Type.Object({ pin: Type.String({ minLength: 1, maxLength: 32 }) });
export const PasswordQuery = Type.Object({
  pw: Type.Optional(Type.String({ maxLength: 64, description: 'The bridge\'s `joinQuery`: with it, `discovery.web` carries it too.' })),
  access_token: Type.Optional(Type.String({ maxLength: 256 })),
});
export const PstnPinQuery = Type.Object({
  pw: Type.Optional(Type.String({ maxLength: 64 })),
  phoneNumber: Type.Optional(Type.String({ maxLength: 32, description: 'Ignored: Parley has one phone group.' })),
  access_token: Type.Optional(Type.String({ maxLength: 256 })),
});
