/** What the meeting page reads about a room before joining (`GET /api/public/rooms/:meetingCode`). */
export interface PublicRoomInfo {
  meetingCode: string;
  displayName: string;
  isAvailable: boolean;
  /** Why the room cannot be joined, when `isAvailable` is false. */
  unavailableReason?: 'expired' | 'not_found';
  language: string;
  microphoneState: 'default' | 'on' | 'off';
  features: {
    recording: boolean;
    chat: boolean;
    whiteboard: boolean;
    localeSwitcher: boolean;
    captions: boolean;
  };
  theme: PublicTheme | null;
}

export interface PublicTheme {
  mainColor: string;
  brandText: string;
  brandImageColoredUrl: string | null;
  brandImageWhiteUrl: string | null;
  brandedFaviconUrl: string | null;
}
