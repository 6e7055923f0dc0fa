import { ParleyClientError, QUESTION_MAX_LENGTH, type WebinarQuestion, type WebinarRules } from '@parley/client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../webinar.css';
import { Icon } from '../../base/ui/Icon';
import { SidePanel } from '../../base/ui/SidePanel';
import { orderQuestions } from '../functions';

interface Props {
  questions: readonly WebinarQuestion[];
  selfId: string;
  /** An attendee asks; the panel answers and dismisses. */
  audience: boolean;
  /** What the webinar allows: whether attendees may ask at all, and anonymously. */
  rules: WebinarRules | undefined;
  onAsk: (text: string, anonymous: boolean) => Promise<void>;
  onAnswer: (questionId: string, text: string) => Promise<void>;
  onDismiss: (questionId: string) => Promise<void>;
  onClose: () => void;
}

/** Why the server refused a question or an answer, in words the page has; anything else is `unknown`. */
const SEND_ERRORS = ['validation_failed', 'rate_limited', 'conflict', 'timeout', 'connection_lost'] as const;
type SendError = (typeof SEND_ERRORS)[number] | 'unknown';

function sendErrorOf(error: unknown): SendError {
  const code = error instanceof ParleyClientError ? error.code : undefined;
  return (SEND_ERRORS as readonly string[]).includes(code ?? '') ? (code as SendError) : 'unknown';
}

/**
 * The webinar's Q&A. Attendees ask and see the answered questions (and their own); the panel sees
 * every question and answers or dismisses it. Every text is rendered as text, never as markup.
 */
export function QaPanel({ questions, selfId, audience, rules, onAsk, onAnswer, onDismiss, onClose }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<SendError | null>(null);
  const [anonymous, setAnonymous] = useState(false);
  const anonymousId = useId();
  const asking = rules?.questions ?? true;
  const mayBeAnonymous = asking && rules?.anonymousQuestions === true;
  const ordered = orderQuestions(questions);
  const attempt = async (work: () => Promise<void>): Promise<boolean> => {
    setError(null);
    try {
      await work();
      return true;
    } catch (refusal) {
      setError(sendErrorOf(refusal));
      return false;
    }
  };

  return (
    <SidePanel id="qa-panel" testId="qa-panel" title={t('webinar.qa.title')} closeLabel={t('webinar.qa.close')} closeTestId="qa-close" onClose={onClose}>
      <div className="qa-panel__questions" role="log" aria-label={t('webinar.qa.questions')} tabIndex={0}>
        {ordered.length === 0 ? (
          <div className="qa-panel__empty" data-testid="qa-empty">
            <Icon name="chat" size={32} />
            <p className="qa-panel__empty-title">{t('webinar.qa.emptyTitle')}</p>
            <p className="qa-panel__empty-body">{t(audience ? 'webinar.qa.emptyBodyAudience' : 'webinar.qa.emptyBodyStage')}</p>
          </div>
        ) : (
          <ol className="qa-panel__list">
            {ordered.map((question) => (
              <QuestionItem
                key={question.id}
                question={question}
                own={question.askedBy.id === selfId}
                canAnswer={!audience && question.status === 'open'}
                onAnswer={(text) => attempt(() => onAnswer(question.id, text))}
                onDismiss={() => void attempt(() => onDismiss(question.id))}
              />
            ))}
          </ol>
        )}
      </div>
      {error && (
        <p className="qa-panel__error" data-testid="qa-error" data-code={error} role="alert">
          <Icon name="alert" size={16} />
          <span>{t(`webinar.qa.errors.${error}`)}</span>
        </p>
      )}
      {audience && !asking && (
        <p className="qa-panel__closed" data-testid="qa-closed" role="status">
          <Icon name="alert" size={16} />
          <span>{t('webinarRules.questionsOff')}</span>
        </p>
      )}
      {audience && mayBeAnonymous && (
        <label className="qa-panel__anonymous" htmlFor={anonymousId}>
          <input id={anonymousId} type="checkbox" data-testid="qa-anonymous" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
          <span>{t('webinarRules.askAnonymously')}</span>
        </label>
      )}
      {audience && asking && (
        <Composer label={t('webinar.qa.askLabel')} placeholder={t('webinar.qa.askPlaceholder')} submitLabel={t('webinar.qa.ask')} testId="qa-ask" onSubmit={(text) => attempt(() => onAsk(text, mayBeAnonymous && anonymous))} />
      )}
    </SidePanel>
  );
}

function QuestionItem({ question, own, canAnswer, onAnswer, onDismiss }: { question: WebinarQuestion; own: boolean; canAnswer: boolean; onAnswer: (text: string) => Promise<boolean>; onDismiss: () => void }) {
  const { t } = useTranslation();
  const [answering, setAnswering] = useState(false);
  // An anonymous question is nobody's to anyone, the panel included.
  const asker = question.anonymous ? t('webinarRules.anonymous') : question.askedBy.displayName;
  return (
    <li className="qa-question" data-testid="qa-question" data-question-id={question.id} data-status={question.status}>
      <div className="qa-question__meta">
        <span className="qa-question__asker" data-testid="qa-asker">{asker}</span>
        {own && <span className="qa-question__you">{t('webinar.qa.you')}</span>}
        {question.status !== 'answered' && <span className={`qa-question__state qa-question__state--${question.status}`}>{t(`webinar.qa.state.${question.status}`)}</span>}
      </div>
      <p className="qa-question__text" data-testid="qa-question-text">
        {question.text}
      </p>
      {question.answer && (
        <div className="qa-question__answer" data-testid="qa-answer">
          <span className="qa-question__answerer">{t('webinar.qa.answeredBy', { name: question.answer.by.displayName })}</span>
          <p className="qa-question__answer-text" data-testid="qa-answer-text">
            {question.answer.text}
          </p>
        </div>
      )}
      {canAnswer &&
        (answering ? (
          <Composer
            label={t('webinar.qa.answerLabel', { name: asker })}
            placeholder={t('webinar.qa.answerPlaceholder')}
            submitLabel={t('webinar.qa.answer')}
            testId="qa-answer"
            autoFocus
            onSubmit={async (text) => {
              const done = await onAnswer(text);
              if (done) setAnswering(false);
              return done;
            }}
            onCancel={() => setAnswering(false)}
          />
        ) : (
          <div className="qa-question__actions">
            <button type="button" className="button button--primary qa-question__action" data-testid="qa-answer-button" onClick={() => setAnswering(true)}>
              {t('webinar.qa.answer')}
            </button>
            <button type="button" className="button button--secondary qa-question__action" data-testid="qa-dismiss-button" onClick={onDismiss}>
              {t('webinar.qa.dismiss')}
            </button>
          </div>
        ))}
    </li>
  );
}

interface ComposerProps {
  label: string;
  placeholder: string;
  submitLabel: string;
  testId: string;
  autoFocus?: boolean;
  /** Resolves `true` once sent: the field empties; on `false` what was typed stays. */
  onSubmit: (text: string) => Promise<boolean>;
  onCancel?: () => void;
}

/** A text field with its send button: Enter sends, Shift+Enter starts a new line, Escape cancels (when it can). */
function Composer({ label, placeholder, submitLabel, testId, autoFocus, onSubmit, onCancel }: ComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const send = async () => {
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    if (await onSubmit(text)) setDraft('');
    setSending(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };
  return (
    <form className="qa-composer" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="qa-composer__input"
        data-testid={`${testId}-input`}
        rows={2}
        maxLength={QUESTION_MAX_LENGTH}
        placeholder={placeholder}
        value={draft}
        autoFocus={autoFocus}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void send();
          } else if (event.key === 'Escape' && onCancel) {
            // Closes the answer, not the whole panel.
            event.preventDefault();
            onCancel();
          }
        }}
      />
      <div className="qa-composer__actions">
        {onCancel && (
          <button type="button" className="button button--secondary qa-composer__cancel" onClick={onCancel}>
            {t('webinar.qa.cancel')}
          </button>
        )}
        <button type="submit" className="button button--primary qa-composer__send" data-testid={`${testId}-send`} disabled={!draft.trim() || sending}>
          <Icon name="send" size={18} />
          <span>{submitLabel}</span>
        </button>
      </div>
    </form>
  );
}
