import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';

interface Props {
  value: string;
  onChange: (password: string) => void;
  /** A translated reason the password was refused or is missing; the field then takes the focus. */
  error: string | null;
}

/** The room's password, for guests of a room that has one; it can be shown to check what was typed. */
export function PasswordField({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    if (error) inputRef.current?.focus();
  }, [error]);

  return (
    <div className="prejoin__field">
      <label htmlFor={id} className="prejoin__label">
        {t('admission.passwordLabel')}
      </label>
      <div className="password-field">
        <Icon name="key" size={18} className="password-field__icon" />
        <input
          ref={inputRef}
          id={id}
          className="prejoin__input password-field__input"
          data-testid="password-input"
          type={visible ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('admission.passwordPlaceholder')}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        <button
          type="button"
          className="password-field__reveal"
          aria-label={t('admission.showPassword')}
          aria-pressed={visible}
          title={visible ? t('admission.hidePassword') : t('admission.showPassword')}
          onClick={() => setVisible((shown) => !shown)}
        >
          <Icon name={visible ? 'eyeOff' : 'eye'} size={18} />
        </button>
      </div>
      {error && (
        <p id={errorId} className="prejoin__field-error" role="alert" data-testid="password-error">
          {error}
        </p>
      )}
    </div>
  );
}
