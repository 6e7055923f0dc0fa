/** What the meeting page reads about a room before joining (`GET /api/public/rooms/:meetingCode`). */
export interface PublicRoomInfo {
  meetingCode: string;
  displayName: string;
  isAvailable: boolean;
  /** Why the room cannot be joined, when `isAvailable` is false. */
  unavailableReason?: 'expired' | 'not_found';
  language: string;
  /**
   * How people start (`initial_join_options.microphone_state`): `off` muted, `on` unmuted, `default`
   * as each person chooses on the pre-join screen.
   */
  microphoneState: 'default' | 'on' | 'off';
  /** How cameras start: `off` has everyone join with the camera off; `default` as each person chooses. */
  cameraState: 'default' | 'off';
  features: RoomFeatures;
  /** Guests must give the room's password to join; hosts (the host URL) never need it. */
  passwordRequired: boolean;
  /** `webinar`: whoever comes without an invitation (a participant token) watches and listens as an attendee. */
  kind: 'meeting' | 'webinar';
  theme: PublicTheme | null;
}

/** Which optional parts of the meeting the room offers (`available_features`). */
export interface RoomFeatures {
  recording: boolean;
  chat: boolean;
  whiteboard: boolean;
  localeSwitcher: boolean;
  captions: boolean;
  /** Everyone may share a screen; when off, only hosts and co-hosts may (the server refuses the others). */
  screenSharing: boolean;
}

export interface PublicTheme {
  mainColor: string;
  brandText: string;
  brandImageColoredUrl: string | null;
  brandImageWhiteUrl: string | null;
  brandedFaviconUrl: string | null;
}
