import { Fragment, useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { planSpeaker, TILE_GAP, type Size, type StageTile, type VisibleTile } from '../functions';
import { Pager } from './Pager';

interface Props {
  tiles: readonly StageTile[];
  recentSpeakers: readonly string[];
  area: Size;
  renderTile: (tile: StageTile) => ReactNode;
  onVisible: (visible: VisibleTile[]) => void;
}

/** Whoever speaks (or a shared screen) large, everyone else in a strip below that pages when full. */
export function SpeakerView({ tiles, recentSpeakers, area, renderTile, onVisible }: Props) {
  const { t } = useTranslation();
  const [stripPage, setStripPage] = useState(0);
  const plan = planSpeaker(tiles, recentSpeakers, stripPage, area);
  const { main, mainSize, stripTile } = plan;
  const visibleKey = `${main?.key}@${mainSize.width}x${mainSize.height};${plan.strip.map((tile) => tile.key).join(',')}@${stripTile.width}x${stripTile.height}`;

  useEffect(() => {
    const visible: VisibleTile[] = plan.strip.map((tile) => ({ tile, ...stripTile }));
    if (main) visible.unshift({ tile: main, ...mainSize });
    onVisible(visible);
    // The key says everything the report depends on; the plan itself is rebuilt on every render.
  }, [visibleKey, onVisible]);

  const sized = (size: Size): CSSProperties => ({ '--tile-width': `${size.width}px`, '--tile-height': `${size.height}px` }) as CSSProperties;
  const strip = (
    <div className="speaker-view__strip-tiles" style={{ ...sized(stripTile), '--tile-gap': `${TILE_GAP}px` } as CSSProperties}>
      {plan.strip.map((tile) => (
        <Fragment key={tile.key}>{renderTile(tile)}</Fragment>
      ))}
    </div>
  );

  return (
    <div className="speaker-view" data-testid="speaker-view" style={{ '--tile-gap': `${TILE_GAP}px` } as CSSProperties}>
      <div className="speaker-view__main" data-testid="speaker-main" style={sized(mainSize)}>
        {main && renderTile(main)}
      </div>
      {plan.strip.length > 0 && (
        <div className="speaker-view__strip" data-testid="speaker-strip">
          {plan.stripPages > 1 ? (
            <Pager page={plan.stripPage} pages={plan.stripPages} onChange={setStripPage} label={t('media.layout.stripPages')} split>
              {strip}
            </Pager>
          ) : (
            strip
          )}
        </div>
      )}
    </div>
  );
}
