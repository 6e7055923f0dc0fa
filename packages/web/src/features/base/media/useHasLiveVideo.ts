import { useCallback, useEffect, useState } from 'react';

/** Whether the stream carries a video track that is actually delivering frames. */
export function useHasLiveVideo(stream: MediaStream | null, version: number): boolean {
  const compute = useCallback(
    () => stream?.getVideoTracks().some((track) => track.readyState === 'live' && !track.muted) ?? false,
    [stream],
  );
  const [live, setLive] = useState(compute);

  useEffect(() => {
    if (!stream) {
      setLive(false);
      return;
    }
    const update = () => setLive(compute());
    const tracks = stream.getVideoTracks();
    const events = ['mute', 'unmute', 'ended'] as const;
    for (const track of tracks) for (const e of events) track.addEventListener(e, update);
    stream.addEventListener('addtrack', update);
    stream.addEventListener('removetrack', update);
    update();
    return () => {
      for (const track of tracks) for (const e of events) track.removeEventListener(e, update);
      stream.removeEventListener('addtrack', update);
      stream.removeEventListener('removetrack', update);
    };
  }, [stream, version, compute]);

  return live;
}
