import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { gridLayout } from '../functions';

const GAP = 12;

/** Lays the tiles out as large as the stage allows, re-measuring when the window changes. */
export function Stage({ count, children }: { count: number; children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
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

  const layout = gridLayout(count, size.width, size.height, GAP);
  const style = {
    '--tile-width': `${layout.tileWidth}px`,
    '--tile-height': `${layout.tileHeight}px`,
    '--tile-gap': `${GAP}px`,
    '--grid-columns': layout.columns,
  } as CSSProperties;

  return (
    <section className="stage" ref={ref} aria-label={t('meeting.stage')}>
      <div className="stage__grid" style={style} data-columns={layout.columns}>
        {size.width > 0 && children}
      </div>
    </section>
  );
}
