import type { NetworkQuality, ParleyRoom } from '@parley/client';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpeakersState } from '../../active-speaker/state';
import type { LocalMedia } from '../../devices/useLocalMedia';
import { stageTiles, type LayoutMode, type StageTile, type VisibleTile } from '../../layout/functions';
import { PresentingTile } from '../../presenting/components/PresentingTile';
import { ScreenTile } from '../../presenting/components/ScreenTile';
import type { ScreenShare } from '../../presenting/useScreenShare';
import type { ShownReaction } from '../../reactions/state';
import type { RemoteTileState } from '../state';
import { Stage } from './Stage';
import { Tile } from './Tile';

interface Props {
  room: ParleyRoom;
  media: LocalMedia;
  remotes: readonly RemoteTileState[];
  speakers: SpeakersState;
  screenShare: ScreenShare;
  mode: LayoutMode;
  onVisible: (visible: VisibleTile[]) => void;
  networkQuality: ReadonlyMap<string, NetworkQuality>;
  /** Places in the queue of raised hands, by participant. */
  handPositions: ReadonlyMap<string, number>;
  /** Reactions floating over tiles now, by participant. */
  reactions: ReadonlyMap<string, readonly ShownReaction[]>;
  /** Whether one's own camera has a tile: not for a webinar's attendee, who only watches. */
  showSelf?: boolean;
}

/** The stage with everyone on it: cameras (one's own included), shared screens, who speaks, how well each connection fares. */
export function MeetingStage({ room, media, remotes, speakers, screenShare, mode, onVisible, networkQuality, handPositions, reactions, showSelf = true }: Props) {
  const { t } = useTranslation();
  const self = room.self;
  const sharing = screenShare.stream !== null;
  const tiles = useMemo(() => {
    const all = stageTiles(
      self.id,
      remotes.map((p) => p.info.id),
      [...(sharing ? [self.id] : []), ...remotes.filter((p) => p.info.screenSharing).map((p) => p.info.id)],
    );
    return showSelf ? all : all.filter((tile) => !tile.isSelf);
  }, [self.id, remotes, sharing, showSelf]);
  const byId = useMemo(() => new Map(remotes.map((p) => [p.info.id, p])), [remotes]);
  const speaking = useMemo(() => new Set(speakers.speaking), [speakers.speaking]);

  const renderTile = useCallback(
    (tile: StageTile) => {
      if (tile.isSelf && tile.source === 'screen') {
        return screenShare.stream && <PresentingTile stream={screenShare.stream} onStop={screenShare.stop} />;
      }
      if (tile.isSelf) {
        return (
          <Tile
            participantId={self.id}
            displayName={self.displayName}
            label={t('meeting.you')}
            stream={media.stream}
            isSelf
            role={self.role}
            handPosition={handPositions.get(self.id)}
            reactions={reactions.get(self.id)}
            audioMuted={!media.audioEnabled || !media.hasAudio}
            videoMuted={!media.videoEnabled || !media.hasVideo}
            trackVersion={0}
            speaking={speaking.has(self.id)}
            networkQuality={networkQuality.get(self.id)}
          />
        );
      }
      const p = byId.get(tile.participantId);
      if (!p) return null;
      if (tile.source === 'screen') return <ScreenTile participantId={p.info.id} displayName={p.info.displayName} stream={p.screenStream} trackVersion={p.trackVersion} />;
      return (
        <Tile
          participantId={p.info.id}
          displayName={p.info.displayName}
          label={p.info.displayName}
          stream={p.stream}
          isSelf={false}
          role={p.info.role}
          handPosition={handPositions.get(p.info.id)}
          reactions={reactions.get(p.info.id)}
          audioMuted={p.info.audioMuted}
          videoMuted={p.info.videoMuted}
          trackVersion={p.trackVersion}
          speaking={speaking.has(p.info.id)}
          reconnecting={p.info.reconnecting}
          networkQuality={networkQuality.get(p.info.id)}
        />
      );
    },
    [self, media, byId, speaking, networkQuality, handPositions, reactions, screenShare.stream, screenShare.stop, t],
  );

  return <Stage mode={mode} tiles={tiles} recentSpeakers={speakers.recent} renderTile={renderTile} onVisible={onVisible} />;
}
