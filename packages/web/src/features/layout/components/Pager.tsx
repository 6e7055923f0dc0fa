import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';

interface Props {
  /** 0-based. */
  page: number;
  pages: number;
  onChange: (page: number) => void;
  /** Names the page controls for screen readers: the grid's pages, or the strip's. */
  label: string;
  /** `split`: a button at each end of a row (the strip); otherwise together, with the page number between. */
  split?: boolean;
  children?: ReactNode;
}

/** Previous and next buttons over pages of tiles; the page number is announced as it changes. */
export function Pager({ page, pages, onChange, label, split = false, children }: Props) {
  const { t } = useTranslation();
  const status = t('media.layout.pageOf', { page: page + 1, pages });
  const previous = (
    <button
      type="button"
      className="pager__button"
      data-testid="pager-previous"
      aria-label={t('media.layout.previousPage')}
      title={t('media.layout.previousPage')}
      disabled={page === 0}
      onClick={() => onChange(page - 1)}
    >
      <Icon name="chevronLeft" size={20} />
    </button>
  );
  const next = (
    <button
      type="button"
      className="pager__button"
      data-testid="pager-next"
      aria-label={t('media.layout.nextPage')}
      title={t('media.layout.nextPage')}
      disabled={page >= pages - 1}
      onClick={() => onChange(page + 1)}
    >
      <Icon name="chevronRight" size={20} />
    </button>
  );
  return (
    <nav className={split ? 'pager pager--split' : 'pager'} aria-label={label} data-testid="pager">
      {previous}
      {split ? children : null}
      <span className={split ? 'visually-hidden' : 'pager__status'} aria-live="polite" data-testid="pager-status" data-page={page + 1} data-pages={pages}>
        {status}
      </span>
      {next}
    </nav>
  );
}
