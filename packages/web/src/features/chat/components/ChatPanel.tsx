import { CHAT_MESSAGE_MAX_LENGTH, ParleyClientError, type ChatMessage } from '@parley/client';
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../base/ui/Icon';
import { SidePanel } from '../../base/ui/SidePanel';
import { formatSentAt, isNearBottom } from '../functions';
import '../chat.css';

interface Props {
  messages: readonly ChatMessage[];
  selfId: string;
  onSend: (text: string) => Promise<void>;
  onClose: () => void;
}

/** Why the server refused a message, in words the page has; anything else is `unknown`. */
const SEND_ERRORS = ['validation_failed', 'chat_unavailable', 'rate_limited', 'timeout', 'connection_lost'] as const;
type SendError = (typeof SEND_ERRORS)[number] | 'unknown';

function sendErrorOf(error: unknown): SendError {
  const code = error instanceof ParleyClientError ? error.code : undefined;
  return (SEND_ERRORS as readonly string[]).includes(code ?? '') ? (code as SendError) : 'unknown';
}

/**
 * The meeting's chat: what was said, oldest first, and a field to say something to everyone. Every
 * message is rendered as a text node, never as markup, whatever it looks like.
 */
export function ChatPanel({ messages, selfId, onSend, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<SendError | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // Whether the reader was following the newest message before the list grew.
  const following = useRef(true);

  useEffect(() => inputRef.current?.focus(), []);

  // New messages scroll into view when the reader was at the bottom, or when they are one's own.
  const last = messages.at(-1);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && (following.current || last?.participantId === selfId)) list.scrollTop = list.scrollHeight;
  }, [last, selfId]);

  const send = async () => {
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    setError(null);
    try {
      await onSend(text);
      setDraft('');
    } catch (refusal) {
      // The draft stays, so nothing typed is lost when a message is refused.
      setError(sendErrorOf(refusal));
    } finally {
      setSending(false);
      inputRef.current?.focus();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter starts a new line; Enter that ends an IME composition does neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <SidePanel id="chat-panel" testId="chat-panel" title={t('chat.title')} closeLabel={t('chat.close')} closeTestId="chat-close" onClose={onClose}>

      <div
        ref={listRef}
        className="chat-panel__messages"
        data-testid="chat-messages"
        role="log"
        aria-label={t('chat.messages')}
        tabIndex={0}
        onScroll={(event) => {
          following.current = isNearBottom(event.currentTarget);
        }}
      >
        {messages.length === 0 ? (
          <div className="chat-panel__empty" data-testid="chat-empty">
            <Icon name="chat" size={32} />
            <p className="chat-panel__empty-title">{t('chat.emptyTitle')}</p>
            <p className="chat-panel__empty-body">{t('chat.emptyBody')}</p>
          </div>
        ) : (
          <ol className="chat-panel__list">
            {messages.map((message) => {
              const isSelf = message.participantId === selfId;
              return (
                <li
                  key={message.id}
                  className="chat-message"
                  data-testid="chat-message"
                  data-message-id={message.id}
                  data-self={isSelf ? 'true' : undefined}
                >
                  <div className="chat-message__meta">
                    <span className="chat-message__sender" data-testid="chat-message-sender">
                      {message.senderName}
                    </span>
                    {isSelf && <span className="chat-message__you">{t('chat.you')}</span>}
                    <time className="chat-message__time" dateTime={message.sentAt}>
                      {formatSentAt(message.sentAt, i18n.language)}
                    </time>
                  </div>
                  <p className="chat-message__text" data-testid="chat-message-text">
                    {message.text}
                  </p>
                </li>
              );
            })}
          </ol>
        )}
      </div>

      {error && (
        <p className="chat-panel__error" data-testid="chat-error" data-code={error} role="alert">
          <Icon name="alert" size={16} />
          <span>{t(`chat.errors.${error}`)}</span>
        </p>
      )}

      <form className="chat-panel__composer" onSubmit={onSubmit}>
        <label className="visually-hidden" htmlFor="chat-input">
          {t('chat.inputLabel')}
        </label>
        <textarea
          ref={inputRef}
          id="chat-input"
          className="chat-panel__input"
          data-testid="chat-input"
          rows={1}
          maxLength={CHAT_MESSAGE_MAX_LENGTH}
          placeholder={t('chat.placeholder')}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button
          type="submit"
          className="chat-panel__send"
          data-testid="chat-send"
          aria-label={t('chat.send')}
          title={t('chat.send')}
          disabled={!draft.trim() || sending}
        >
          <Icon name="send" size={20} />
        </button>
      </form>
    </SidePanel>
  );
}
