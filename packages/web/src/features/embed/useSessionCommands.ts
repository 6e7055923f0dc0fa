import type { LocalMedia } from '../devices/useLocalMedia';
import { normalizeDisplayName } from '../prejoin/functions';
import { EmbedCommandError } from './functions';
import type { EmbedCommandHandlers } from './ParentChannel';
import { useEmbedCommands } from './useEmbedCommands';

/** The screen a visit to the room shows (`app/Session`'s phases). */
export type SessionScreen = 'prejoin' | 'joining' | 'waiting' | 'meeting' | 'locked' | 'denied' | 'left' | 'gone';

interface Options {
  screen: SessionScreen;
  media: LocalMedia;
  /** The room decides whether microphones start on (`initial_join_options.microphone_state`). */
  microphoneFixed: boolean;
  /** The name the page joins (or rejoins) with. */
  setDisplayName(name: string): void;
  leaveWaitingRoom(): void;
}

/** What the framing page may ask of a visit outside the meeting; in it, the meeting's own commands apply. */
export function useSessionCommands(options: Options): void {
  useEmbedCommands(options.screen === 'meeting' ? null : sessionCommands(options));
}

function sessionCommands({ screen, media, microphoneFixed, setDisplayName, leaveWaitingRoom }: Options): EmbedCommandHandlers {
  const commands: EmbedCommandHandlers = {};
  // The pre-join switches. Once the join is under way it carries the switches as they were, so
  // changing them then would leave the page and the server disagreeing.
  if (screen === 'prejoin') {
    const microphone = (enabled: boolean) => () => {
      if (microphoneFixed) throw new EmbedCommandError('forbidden', 'This room decides whether microphones start on or off');
      media.setEnabled('audio', enabled);
    };
    commands.mute = microphone(false);
    commands.unmute = microphone(true);
    commands['camera-on'] = () => media.setEnabled('video', true);
    commands['camera-off'] = () => media.setEnabled('video', false);
  }
  // Before joining, and on the screens after which one may join again.
  if (screen === 'prejoin' || screen === 'left' || screen === 'locked' || screen === 'denied') {
    commands['set-display-name'] = ({ displayName }) => {
      const name = normalizeDisplayName(displayName);
      if (!name) throw new EmbedCommandError('validation_failed', 'A display name cannot be empty');
      setDisplayName(name);
    };
  }
  if (screen === 'waiting') commands.leave = leaveWaitingRoom;
  return commands;
}
