import { useTranslation } from 'react-i18next';
import { CAPTION_SHOWN_MS } from '../state';
import type { Captions } from '../useCaptions';
import '../captions.css';

/**
 * The captions over the bottom of the stage: the last few things said, each with who said it, fading
 * out after a while. A polite live region, so screen readers read each new line once. Names and words
 * are text, never markup; each keeps its own direction (a Hebrew name before English words).
 */
export function CaptionsOverlay({ captions }: { captions: Captions }) {
  const { t } = useTranslation();
  const visible = captions.state.active && captions.shown;
  return (
    <div className="captions-overlay" data-testid="captions-overlay" aria-live="polite" aria-label={t('captions.title')} hidden={!visible}>
      {visible &&
        captions.lines.map((line) => (
          <p
            key={line.key}
            className="captions-overlay__line"
            data-testid="caption"
            data-participant-id={line.participantId}
            style={{ animationDuration: `${CAPTION_SHOWN_MS}ms` }}
          >
            <bdi className="captions-overlay__speaker" data-testid="caption-speaker">
              {line.displayName}
            </bdi>
            {/* Outside the name's isolation, so it sits between name and words in either direction. */}
            <span className="captions-overlay__separator">: </span>
            <span className="captions-overlay__text" data-testid="caption-text" dir="auto">
              {line.text}
            </span>
          </p>
        ))}
    </div>
  );
}
