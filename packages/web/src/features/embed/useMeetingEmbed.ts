import type { ParleyRoom } from '@parley/client';
import type { RecordingState } from '@parley/protocol';
import { useEffect, useRef } from 'react';
import type { Chat } from '../chat/useChat';
import type { MediaKind } from '../devices/functions';
import type { RaisedHands } from '../hands/useRaisedHands';
import { parentChannel } from './channel';
import { EmbedCommandError } from './functions';
import { useEmbedCommands } from './useEmbedCommands';

interface Options {
  room: ParleyRoom;
  /** Whether there is a microphone and a camera to turn on. */
  hasDevice: Record<MediaKind, boolean>;
  /** The toolbar's switches: rejects with why a device stays off (the page shows it too). */
  setMedia(kind: MediaKind, enabled: boolean): Promise<void>;
  leave(): Promise<void>;
  hands: RaisedHands;
  chat: Chat;
  /** Who has the floor, as the speaker view picks it. */
  activeSpeakerId: string | null;
}

/** The meeting for the page that frames it: its commands, and what happens in it as events. */
export function useMeetingEmbed({ room, hasDevice, setMedia, leave, hands, chat, activeSpeakerId }: Options): void {
  const media = (kind: MediaKind, enabled: boolean) => () => {
    if (enabled && !hasDevice[kind]) throw new EmbedCommandError('device_unavailable', kind === 'audio' ? 'There is no microphone to turn on' : 'There is no camera to turn on');
    return setMedia(kind, enabled);
  };
  useEmbedCommands({
    mute: media('audio', false),
    unmute: media('audio', true),
    'camera-off': media('video', false),
    'camera-on': media('video', true),
    leave,
    'raise-hand': () => hands.raise(),
    'lower-hand': () => hands.lower(),
    'send-chat': ({ text }) => chat.send(text),
    'set-display-name': ({ displayName }) => room.setDisplayName(displayName),
  });

  useEffect(() => {
    const channel = parentChannel;
    if (!channel) return;
    // The SDK forgets who left before saying so; the host page is told their name too.
    const names = new Map(room.participants().map((p) => [p.info.id, p.info.displayName]));
    channel.event('joined', { self: room.self, participants: room.participants().map((p) => p.info), roomName: room.roomDisplayName });
    const offs = [
      room.on('self-updated', (self) => channel.event('self-updated', { self })),
      room.on('participant-joined', ({ info }) => {
        names.set(info.id, info.displayName);
        channel.event('participant-joined', { participant: info });
      }),
      room.on('participant-updated', ({ info }) => {
        names.set(info.id, info.displayName);
        channel.event('participant-updated', { participant: info });
      }),
      room.on('participant-left', (id) => {
        channel.event('participant-left', { participant: { id, displayName: names.get(id) ?? '' } });
        names.delete(id);
      }),
      room.on('chat-message', (message) => channel.event('chat-message', { message })),
      room.on('hand-raised', (hand) => channel.event('hand-raised', { hand })),
      room.on('hand-lowered', (participantId) => channel.event('hand-lowered', { participantId })),
      room.on('disconnected', (reason) => channel.event('left', { reason })),
      room.on('recording-state', (state) => announceRecording(state)),
      room.on('caption', (caption) => channel.event('caption', { caption })),
    ];
    // Said on joining a meeting already recorded, then on every change (not on repeats of the same state).
    let recording = false;
    function announceRecording(state: RecordingState): void {
      if (state.active === recording) return;
      recording = state.active;
      if (state.active && state.startedAt) channel!.event('recording-started', { startedAt: state.startedAt, automatic: state.automatic });
      else if (!state.active) channel!.event('recording-stopped', {});
    }
    announceRecording(room.recording);
    return () => {
      for (const off of offs) off();
    };
  }, [room]);

  const announcedSpeaker = useRef<string | null>(null);
  useEffect(() => {
    if (!parentChannel || activeSpeakerId === announcedSpeaker.current) return;
    announcedSpeaker.current = activeSpeakerId;
    parentChannel.event('active-speaker', { participantId: activeSpeakerId });
  }, [activeSpeakerId]);
}
