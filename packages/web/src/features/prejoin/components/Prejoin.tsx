import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../base/i18n/components/LanguageSwitcher';
import { Icon } from '../../base/ui/Icon';
import { Brand } from '../../theme/components/Brand';
import { DeviceErrors } from '../../devices/components/DeviceErrors';
import { DeviceNotice } from '../../devices/components/DeviceNotice';
import { MediaAccessHelp } from '../../devices/components/MediaAccessHelp';
import { mediaAccessProblem } from '../../devices/functions';
import { DeviceSelect } from '../../devices/components/DeviceSelect';
import { MediaToggleButton } from '../../devices/components/MediaToggleButton';
import type { LocalMedia } from '../../devices/useLocalMedia';
import { MAX_DISPLAY_NAME_LENGTH, normalizeDisplayName } from '../functions';
import { SignInFields, type SignInFieldsProps } from '../../sign-in/components/SignInFields';
import { PasswordField } from './PasswordField';
import { Preview } from './Preview';
import '../prejoin.css';

interface Props {
  roomName: string;
  displayName: string;
  onDisplayNameChange: (name: string) => void;
  media: LocalMedia;
  /** Joining a webinar's audience: no camera or microphone to set up. */
  audience?: boolean;
  joining: boolean;
  /** A translated reason the last join attempt failed. */
  error: string | null;
  onJoin: (displayName: string) => void;
  /** The room's password field, for guests of a room that has one. */
  password?: { value: string; onChange: (password: string) => void; error: string | null } | undefined;
  /** A Parley user's email and password, for a webinar that admits only users. */
  signIn?: SignInFieldsProps | undefined;
  /** Why the microphone switch is fixed: the room decides whether everyone starts muted or not. */
  microphoneFixedBy?: string | undefined;
  /** Why the camera switch is fixed (the room starts everyone with the camera off). */
  cameraFixedBy?: string | undefined;
}

export function Prejoin({ roomName, displayName, onDisplayNameChange, media, audience = false, joining, error, onJoin, password, signIn, microphoneFixedBy, cameraFixedBy }: Props) {
  const { t } = useTranslation();
  const nameId = useId();
  const nameErrorId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [nameMissing, setNameMissing] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const accessProblem = mediaAccessProblem(media.errors);
  const [joinWithoutDevices, setJoinWithoutDevices] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = normalizeDisplayName(displayName);
    if (!name) {
      setNameMissing(true);
      nameRef.current?.focus();
      return;
    }
    onJoin(name);
  };

  return (
    <main className="prejoin surface-light" data-testid="prejoin">
      <header className="prejoin__top">
        <Brand surface="light" />
        <LanguageSwitcher />
      </header>
      <div className={audience ? 'prejoin__layout prejoin__layout--audience' : 'prejoin__layout'}>
        {!audience && (
          <div className="prejoin__media">
            <Preview
              stream={media.stream}
              ready={media.ready}
              showVideo={media.hasVideo && media.videoEnabled}
              hasCamera={media.hasVideo}
              displayName={displayName}
            >
              <MediaToggleButton
                kind="audio"
                enabled={media.audioEnabled}
                available={media.hasAudio}
                onToggle={(on) => media.setEnabled('audio', on)}
                fixedBy={microphoneFixedBy}
              />
              <MediaToggleButton
                kind="video"
                enabled={media.videoEnabled}
                available={media.hasVideo}
                onToggle={(on) => media.setEnabled('video', on)}
                fixedBy={cameraFixedBy}
              />
            </Preview>
            {accessProblem && !joinWithoutDevices ? (
              <MediaAccessHelp
                problem={accessProblem}
                onRetry={media.retry}
                onJoinWithout={() => {
                  setJoinWithoutDevices(true);
                  formRef.current?.requestSubmit();
                }}
              />
            ) : (
              <DeviceErrors errors={media.errors} />
            )}
            <DeviceNotice notice={media.notice} onDismiss={media.dismissNotice} />
            {microphoneFixedBy && (
              <p className="prejoin__note" data-testid="microphone-fixed">
                <Icon name={media.audioEnabled ? 'microphone' : 'microphoneOff'} size={18} />
                <span>{microphoneFixedBy}</span>
              </p>
            )}
            {cameraFixedBy && (
              <p className="prejoin__note" data-testid="camera-fixed">
                <Icon name="cameraOff" size={18} />
                <span>{cameraFixedBy}</span>
              </p>
            )}
          </div>
        )}

        <form ref={formRef} className="prejoin__panel" onSubmit={submit} noValidate>
          <p className="prejoin__eyebrow">{t(audience ? 'webinar.prejoinHeading' : 'prejoin.heading')}</p>
          <h1 className="prejoin__room" data-testid="prejoin-room-name">
            {roomName}
          </h1>

          <div className="prejoin__field">
            <label htmlFor={nameId} className="prejoin__label">
              {t('prejoin.nameLabel')}
            </label>
            <input
              ref={nameRef}
              id={nameId}
              className="prejoin__input"
              data-testid="display-name-input"
              type="text"
              autoComplete="name"
              autoFocus={!displayName}
              maxLength={MAX_DISPLAY_NAME_LENGTH}
              placeholder={t('prejoin.namePlaceholder')}
              value={displayName}
              aria-invalid={nameMissing || undefined}
              aria-describedby={nameMissing ? nameErrorId : undefined}
              onChange={(event) => {
                onDisplayNameChange(event.target.value);
                if (nameMissing && event.target.value.trim()) setNameMissing(false);
              }}
            />
            {nameMissing && (
              <p id={nameErrorId} className="prejoin__field-error" role="alert">
                {t('prejoin.nameRequired')}
              </p>
            )}
          </div>

          {signIn && <SignInFields {...signIn} />}
          {password && <PasswordField {...password} />}

          {!audience && (
            <fieldset className="prejoin__devices">
              <legend className="visually-hidden">{t('prejoin.settings')}</legend>
              <DeviceSelect
                kind="audio"
                devices={media.devices.audio}
                selectedId={media.selected.audio}
                onSelect={(id) => void media.selectDevice('audio', id)}
              />
              <DeviceSelect
                kind="video"
                devices={media.devices.video}
                selectedId={media.selected.video}
                onSelect={(id) => void media.selectDevice('video', id)}
              />
            </fieldset>
          )}

          {error && (
            <p className="prejoin__error" role="alert" data-testid="join-error">
              {error}
            </p>
          )}

          <button
            type="submit"
            className="button button--primary prejoin__join"
            data-testid="join-button"
            disabled={joining}
            aria-busy={joining || undefined}
          >
            {joining ? t('prejoin.joining') : t(audience ? 'webinar.join' : 'prejoin.join')}
          </button>
        </form>
      </div>
    </main>
  );
}
