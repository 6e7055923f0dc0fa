/** The time a message was sent, as the reader's clock and language write it (hours and minutes). */
export function formatSentAt(sentAt: string, language: string): string {
  const date = new Date(sentAt);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(date);
}

/** How close to the bottom a list may be scrolled and still follow new messages. */
const FOLLOW_THRESHOLD_PX = 48;

/** Whether the reader is at (or near) the newest message, so a new one should scroll into view. */
export function isNearBottom(list: { scrollTop: number; scrollHeight: number; clientHeight: number }): boolean {
  return list.scrollHeight - list.scrollTop - list.clientHeight <= FOLLOW_THRESHOLD_PX;
}
