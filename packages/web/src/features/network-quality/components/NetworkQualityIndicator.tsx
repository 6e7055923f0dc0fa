import type { NetworkQuality } from '@parley/client';
import { useTranslation } from 'react-i18next';
import '../network-quality.css';

const LIT_BARS = { good: 3, fair: 2, poor: 1 } as const;

/**
 * Signal bars on a tile: how well this person's media gets through (one's own: as it leaves; anyone
 * else's: as it arrives here). Nothing is shown before there is something measured.
 */
export function NetworkQualityIndicator({ quality }: { quality: NetworkQuality }) {
  const { t } = useTranslation();
  if (quality === 'unknown') return null;
  const label = t(`resilience.networkQuality.${quality}`);
  return (
    <span className="network-quality" data-testid="network-quality" data-quality={quality} role="img" aria-label={label} title={label}>
      <svg viewBox="0 0 14 12" width="14" height="12" aria-hidden="true" focusable="false">
        {[0, 1, 2].map((bar) => (
          <rect key={bar} x={bar * 5} y={8 - bar * 4} width="4" height={4 + bar * 4} rx="1" data-lit={bar < LIT_BARS[quality]} />
        ))}
      </svg>
    </span>
  );
}
