import { memo, useContext, useRef } from 'react';
import { useAttachStream } from '../../base/media/useAttachStream';
import { SpeakerContext } from '../../devices/SpeakerContext';
import type { RemoteTileState } from '../state';

interface Props {
  remotes: readonly RemoteTileState[];
  /** Changes when the user clicks "Turn on sound", to retry playing after a blocked autoplay. */
  playAttempt: number;
  onAutoplayBlocked: () => void;
}

/**
 * Everyone's sound, microphone and shared tab alike, whether their tile is on screen or not: the
 * grid's other pages and the strip past its edge are still heard.
 */
export function RemoteAudio({ remotes, playAttempt, onAutoplayBlocked }: Props) {
  return (
    <div hidden>
      {remotes.map((p) => (
        <Sound key={p.info.id} stream={p.stream} refresh={`${p.trackVersion}:${playAttempt}`} onAutoplayBlocked={onAutoplayBlocked} />
      ))}
      {remotes
        .filter((p) => p.info.screenSharing)
        .map((p) => (
          <Sound key={`${p.info.id}:screen`} stream={p.screenStream} refresh={`${p.trackVersion}:${playAttempt}`} onAutoplayBlocked={onAutoplayBlocked} />
        ))}
    </div>
  );
}

const Sound = memo(function Sound(props: { stream: MediaStream; refresh: string; onAutoplayBlocked: () => void }) {
  const ref = useRef<HTMLAudioElement>(null);
  const sinkId = useContext(SpeakerContext);
  useAttachStream(ref, props.stream, { muted: false, refresh: props.refresh, onAutoplayBlocked: props.onAutoplayBlocked, sinkId });
  return <audio ref={ref} data-testid="remote-audio" autoPlay />;
});
