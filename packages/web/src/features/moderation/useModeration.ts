import { canModerate, ParleyClientError, type MediaKind, type ParleyRoom, type ParticipantInfo, type ParticipantRef } from '@parley/client';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { LocalMedia } from '../devices/useLocalMedia';
import { ACTION_ERRORS, noticesReducer, type ActionError, type Notice, type ShownNotice } from './notices';

export interface Moderation {
  /** Oneself as the server sees one: role, media, what moderators stopped. */
  self: ParticipantInfo;
  notices: readonly ShownNotice[];
  dismissNotice: (key: number) => void;
  /** Moderators' open requests to turn one's microphone or camera on, by who asked. */
  unmuteRequests: Partial<Record<MediaKind, ParticipantRef>>;
  acceptUnmuteRequest: (kind: MediaKind) => void;
  declineUnmuteRequest: (kind: MediaKind) => void;
  /** Whether the page may turn this media on now; explains why not when a moderator stopped it. */
  mayTurnOn: (kind: MediaKind) => boolean;
  /** Runs a hand or moderation request, turning a refusal into a notice. */
  run: (request: () => Promise<void>) => void;
}

/**
 * The bridge from what others do to this person (mute them, ask them to unmute, promote them, lower
 * their hand) to the page: notices, prompts, and the local microphone and camera, which follow what the
 * server says of them.
 */
export function useModeration(room: ParleyRoom, media: LocalMedia): Moderation {
  const [self, setSelf] = useState(room.self);
  const [notices, dispatch] = useReducer(noticesReducer, []);
  const [unmuteRequests, setUnmuteRequests] = useState<Partial<Record<MediaKind, ParticipantRef>>>({});
  const nextKey = useRef(1);
  const notify = useCallback((notice: Notice) => dispatch({ type: 'shown', notice: { key: nextKey.current++, notice } }), []);
  const forgetRequest = useCallback(
    (kind: MediaKind) =>
      setUnmuteRequests((requests) => {
        if (!requests[kind]) return requests;
        const { [kind]: _answered, ...rest } = requests;
        return rest;
      }),
    [],
  );

  useEffect(() => {
    let role = room.self.role;
    const offs = [
      room.on('self-updated', (next) => {
        setSelf(next);
        if (next.role !== role) notify({ kind: 'roleChanged', role: next.role });
        role = next.role;
        // Turned on some other way (by oneself, say): nothing left to ask.
        if (!next.audioMuted) forgetRequest('audio');
        if (!next.videoMuted) forgetRequest('video');
      }),
      room.on('media-stopped', (kind, by) => {
        forgetRequest(kind);
        notify({ kind: 'mediaStopped', media: kind, by: by.displayName });
      }),
      room.on('unmute-requested', (kind, by) => setUnmuteRequests((requests) => ({ ...requests, [kind]: by }))),
      room.on('hand-lowered', (participantId, by) => {
        if (by && participantId === room.self.id) notify({ kind: 'handLowered', by: by.displayName });
      }),
      // Moderators hear of every hand that goes up, panel open or not: the queue is theirs to serve.
      room.on('hand-raised', ({ participantId }) => {
        const raiser = room.participants().find((p) => p.info.id === participantId);
        if (raiser && canModerate(room.self.role)) notify({ kind: 'handRaised', name: raiser.info.displayName });
      }),
    ];
    setSelf(room.self);
    return () => {
      for (const off of offs) off();
    };
  }, [room, notify, forgetRequest]);

  // The page's microphone and camera switches follow what the server says: a moderator's mute turns
  // the switch off, an accepted request to unmute turns it on.
  const mediaRef = useRef(media);
  mediaRef.current = media;
  useEffect(() => {
    const m = mediaRef.current;
    if (m.hasAudio && m.audioEnabled === self.audioMuted) m.setEnabled('audio', !self.audioMuted);
    if (m.hasVideo && m.videoEnabled === self.videoMuted) m.setEnabled('video', !self.videoMuted);
  }, [self.audioMuted, self.videoMuted]);

  const run = useCallback(
    (request: () => Promise<void>) => {
      request().catch((error: unknown) => notify({ kind: 'actionFailed', error: actionErrorOf(error) }));
    },
    [notify],
  );

  const acceptUnmuteRequest = useCallback(
    (kind: MediaKind) => {
      forgetRequest(kind);
      run(() => room.acceptUnmuteRequest(kind));
    },
    [room, run, forgetRequest],
  );

  const mayTurnOn = useCallback(
    (kind: MediaKind) => {
      if (!room.self.moderated[kind]) return true;
      notify({ kind: 'mediaLocked', media: kind });
      return false;
    },
    [room, notify],
  );

  return {
    self,
    notices,
    dismissNotice: useCallback((key: number) => dispatch({ type: 'dismissed', key }), []),
    unmuteRequests,
    acceptUnmuteRequest,
    declineUnmuteRequest: forgetRequest,
    mayTurnOn,
    run,
  };
}

function actionErrorOf(error: unknown): ActionError {
  const code = error instanceof ParleyClientError ? error.code : undefined;
  return (ACTION_ERRORS as readonly string[]).includes(code ?? '') ? (code as ActionError) : 'unknown';
}
