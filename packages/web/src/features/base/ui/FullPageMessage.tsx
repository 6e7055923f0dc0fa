import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import './full-page.css';

interface Props {
  testId: string;
  icon?: IconName;
  title: string;
  body?: string | undefined;
  /** Buttons or links under the message. */
  children?: ReactNode;
  tone?: 'neutral' | 'warning';
  /** What sits in the page's top corner: the room's brand. */
  brand: ReactNode;
  /** Extra `data-*` attributes for the page (tests read e.g. `data-reason`). */
  data?: Record<`data-${string}`, string>;
}

/** A centred card under the room's brand, covering the page: unavailable rooms, load errors, the screen after leaving. */
export function FullPageMessage({ testId, icon, title, body, children, tone = 'neutral', brand, data }: Props) {
  return (
    <main className="full-page surface-light" data-testid={testId} {...data}>
      <header className="full-page__top">
        {brand}
      </header>
      <section className="full-page__card" aria-labelledby={`${testId}-title`}>
        {icon && (
          <div className={`full-page__icon full-page__icon--${tone}`}>
            <Icon name={icon} size={28} />
          </div>
        )}
        <h1 id={`${testId}-title`} className="full-page__title">
          {title}
        </h1>
        {body && <p className="full-page__body">{body}</p>}
        {children && <div className="full-page__actions">{children}</div>}
      </section>
    </main>
  );
}
