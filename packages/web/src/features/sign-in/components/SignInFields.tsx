import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import '../sign-in.css';

export interface SignInFieldsProps {
  email: string;
  password: string;
  onEmailChange: (email: string) => void;
  onPasswordChange: (password: string) => void;
  /** A translated reason the sign-in failed or is needed; the email field then takes the focus. */
  error: string | null;
}

/**
 * A Parley user's email and password, for a webinar that admits only users: the pre-join screen shows
 * them once the server asked (`sign_in_required`), and Join signs in before joining.
 */
export function SignInFields({ email, password, onEmailChange, onPasswordChange, error }: SignInFieldsProps) {
  const { t } = useTranslation();
  const emailId = useId();
  const passwordId = useId();
  const hintId = useId();
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (error) emailRef.current?.focus();
  }, [error]);

  return (
    <fieldset className="prejoin__field sign-in-fields" data-testid="sign-in-fields" aria-describedby={hintId}>
      <legend className="prejoin__label sign-in-fields__legend">
        <Icon name="shield" size={16} />
        <span>{t('webinarRules.signIn.title')}</span>
      </legend>
      <p id={hintId} className="sign-in-fields__hint">
        {t('webinarRules.signIn.hint')}
      </p>
      <label htmlFor={emailId} className="visually-hidden">
        {t('webinarRules.signIn.email')}
      </label>
      <input
        ref={emailRef}
        id={emailId}
        className="prejoin__input"
        data-testid="sign-in-email"
        type="email"
        autoComplete="username"
        required
        placeholder={t('webinarRules.signIn.email')}
        value={email}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onEmailChange(event.target.value)}
      />
      <label htmlFor={passwordId} className="visually-hidden">
        {t('webinarRules.signIn.password')}
      </label>
      <input
        id={passwordId}
        className="prejoin__input"
        data-testid="sign-in-password"
        type="password"
        autoComplete="current-password"
        required
        placeholder={t('webinarRules.signIn.password')}
        value={password}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onPasswordChange(event.target.value)}
      />
      {error && (
        <p className="prejoin__field-error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
