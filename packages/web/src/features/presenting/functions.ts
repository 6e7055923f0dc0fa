import { ParleyClientError } from '@parley/client';

/** The messages about one's own media, as keys of the `media` translations. */
export type MediaNoticeKey =
  | 'presenterLimit'
  | 'presenterLimitAtJoin'
  | 'cameraFailed'
  | 'screenShare.busy'
  | 'screenShare.busyUnknown'
  | 'screenShare.failed';

/** A message the meeting shows about one's own media: which one, and whom it names, if anyone. */
export interface MediaNoticeContent {
  key: MediaNoticeKey;
  values?: { name: string };
}

/**
 * What to tell someone whose camera or screen share was refused, or `null` when there is nothing to
 * say (they closed the screen picker). `sharerName` is whoever shares already, when known;
 * `otherwise` is the key for failures the page has no better words for.
 */
export function refusalNotice(error: unknown, sharerName: string | undefined, otherwise: MediaNoticeKey): MediaNoticeContent | null {
  const code = error instanceof ParleyClientError ? error.code : undefined;
  switch (code) {
    case 'screen_share_cancelled':
      return null;
    case 'presenter_limit_reached':
      return { key: 'presenterLimit' };
    case 'screen_share_busy':
      return sharerName ? { key: 'screenShare.busy', values: { name: sharerName } } : { key: 'screenShare.busyUnknown' };
    default:
      return { key: otherwise };
  }
}
