import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayoutMode, StageTile, VisibleTile } from '../../layout/functions';
import { GridView } from '../../layout/components/GridView';
import { SpeakerView } from '../../layout/components/SpeakerView';
import '../../layout/layout.css';

interface Props {
  mode: LayoutMode;
  tiles: readonly StageTile[];
  /** Who spoke, the most recent first: the speaker view shows the first of them on screen. */
  recentSpeakers: readonly string[];
  renderTile: (tile: StageTile) => ReactNode;
  /** Told which tiles are on screen and how large, whenever that changes. */
  onVisible: (visible: VisibleTile[]) => void;
}

/** Lays the tiles out in the chosen layout, as large as the stage allows, re-measuring when the window changes. */
export function Stage({ mode, tiles, recentSpeakers, renderTile, onVisible }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const style = getComputedStyle(element);
      const width = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const height = element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const measured = size.width > 0 && size.height > 0;
  return (
    <section className="stage" ref={ref} aria-label={t('meeting.stage')} data-layout={mode}>
      {measured &&
        (mode === 'grid' ? (
          <GridView tiles={tiles} area={size} renderTile={renderTile} onVisible={onVisible} />
        ) : (
          <SpeakerView tiles={tiles} recentSpeakers={recentSpeakers} area={size} renderTile={renderTile} onVisible={onVisible} />
        ))}
    </section>
  );
}
