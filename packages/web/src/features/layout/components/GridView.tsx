import { Fragment, useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { planGrid, TILE_GAP, type Size, type StageTile, type VisibleTile } from '../functions';
import { Pager } from './Pager';

interface Props {
  tiles: readonly StageTile[];
  area: Size;
  renderTile: (tile: StageTile) => ReactNode;
  onVisible: (visible: VisibleTile[]) => void;
}

/** Everyone the same size ("roundtable"), as many as fit, the rest on further pages. */
export function GridView({ tiles, area, renderTile, onVisible }: Props) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const plan = planGrid(tiles, page, area);
  const { tileWidth: width, tileHeight: height } = plan.layout;
  const visibleKey = `${plan.tiles.map((tile) => tile.key).join(',')}@${width}x${height}`;

  useEffect(() => {
    onVisible(plan.tiles.map((tile) => ({ tile, width, height })));
    // The key says everything the report depends on; the plan itself is rebuilt on every render.
  }, [visibleKey, onVisible]);

  const style = {
    '--tile-width': `${width}px`,
    '--tile-height': `${height}px`,
    '--tile-gap': `${TILE_GAP}px`,
  } as CSSProperties;

  return (
    <div className="grid-view" data-testid="grid-view">
      <div className="stage__grid" style={style} data-columns={plan.layout.columns}>
        {plan.tiles.map((tile) => (
          <Fragment key={tile.key}>{renderTile(tile)}</Fragment>
        ))}
      </div>
      {plan.pages > 1 && <Pager page={plan.page} pages={plan.pages} onChange={setPage} label={t('media.layout.gridPages')} />}
    </div>
  );
}
