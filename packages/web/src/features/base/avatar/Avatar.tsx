import type { CSSProperties } from 'react';
import { avatarHue, initials } from './functions';
import './avatar.css';

/** Initials on a colour of the participant's own, shown when there is no video. */
export function Avatar({ name, colorKey, size = 'medium' }: { name: string; colorKey: string; size?: 'small' | 'medium' | 'large' }) {
  const style = { '--avatar-hue': avatarHue(colorKey) } as CSSProperties;
  return (
    <span className={`avatar avatar--${size}`} style={style} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
