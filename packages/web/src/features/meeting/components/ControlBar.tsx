import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import { ChatButton } from '../../chat/components/ChatButton';
import { DeviceSettingsButton } from '../../devices/components/DeviceSettingsButton';
import { MediaToggleButton } from '../../devices/components/MediaToggleButton';
import type { MediaKind } from '../../devices/functions';
import { LayoutButton } from '../../layout/components/LayoutButton';
import type { LayoutMode } from '../../layout/functions';
import { ScreenShareButton } from '../../presenting/components/ScreenShareButton';

interface Props {
  /**
   * The microphone and camera switches (`locked`: a moderator stopped it, see MediaToggleButton); a
   * webinar's attendee, who sends nothing, has none.
   */
  devices?: {
    audio: { enabled: boolean; available: boolean; locked?: boolean };
    /** `fixedBy`: why the camera cannot be turned on at all (a webinar keeps its panelists' cameras off). */
    video: { enabled: boolean; available: boolean; locked?: boolean; fixedBy?: string };
    onToggle: (kind: MediaKind, enabled: boolean) => void;
    onOpenSettings: () => void;
  };
  /** The screen share switch; absent where the browser cannot share a screen. */
  screenShare?: { sharing: boolean; starting: boolean; onToggle: () => void } | undefined;
  layout: { mode: LayoutMode; toggle: () => void };
  onLeave: () => void;
  leaving: boolean;
  /** The chat switch; absent when the room's chat is off. */
  chat?: { open: boolean; unread: number; onToggle: () => void } | undefined;
  /** More of the meeting's switches (hand, reactions, participants), between the devices and the chat. */
  children?: ReactNode;
  /** Switches only moderators have (the waiting room…), before Leave. */
  moderatorControls?: ReactNode;
}

export function ControlBar({ devices, screenShare, layout, onLeave, leaving, chat, children, moderatorControls }: Props) {
  const { t } = useTranslation();
  return (
    <div className="control-bar" role="toolbar" aria-label={t('controls.toolbar')}>
      {devices && (
        <>
          <MediaToggleButton kind="audio" {...devices.audio} shortcut="m" onToggle={(on) => devices.onToggle('audio', on)} />
          <MediaToggleButton kind="video" {...devices.video} shortcut="v" onToggle={(on) => devices.onToggle('video', on)} />
        </>
      )}
      {screenShare && <ScreenShareButton {...screenShare} />}
      <LayoutButton mode={layout.mode} onToggle={layout.toggle} />
      {children}
      {chat && <ChatButton {...chat} />}
      {devices && <DeviceSettingsButton onClick={devices.onOpenSettings} />}
      {moderatorControls}
      <button
        type="button"
        className="button button--danger control-bar__leave"
        data-testid="leave-button"
        aria-label={t('controls.leave')}
        title={t('controls.leave')}
        disabled={leaving}
        onClick={onLeave}
      >
        <Icon name="leave" />
        <span className="control-bar__leave-text">{t('controls.leaveShort')}</span>
      </button>
    </div>
  );
}
