import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import '../moderation.css';

interface Props {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before something that cannot be undone (removing someone, ending the meeting). A modal dialog:
 * focus stays inside, Escape cancels, and Cancel has the focus so Enter never confirms by accident.
 */
export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      data-testid="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      // Escape cancels this dialog only, not the panel it was opened from.
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.stopPropagation();
      }}
    >
      <h2 id={`${id}-title`} className="confirm-dialog__title">
        {title}
      </h2>
      <p id={`${id}-body`} className="confirm-dialog__body">
        {body}
      </p>
      <div className="confirm-dialog__actions">
        <button type="button" className="button button--secondary" data-testid="confirm-cancel" onClick={onCancel} autoFocus>
          {t('moderation.confirm.cancel')}
        </button>
        <button type="button" className="button button--danger" data-testid="confirm-action" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
