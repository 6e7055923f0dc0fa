/**
 * An answer of the Meetings API other than success. `name` is the API's error name
 * (`InputValidationError`, `NotFoundError`, `Unauthorized`…), so stack traces read like the answer.
 */
export class ParleyApiError extends Error {
  constructor(
    readonly status: number,
    name: string,
    message: string,
    /**
     * Specifics some errors carry (the API's `errors` array): strings such as "Theme … is used by 1 room",
     * or objects such as `{ logoKey, code: 'key_not_found' }`.
     */
    readonly errors: unknown[] = [],
  ) {
    super(message);
    this.name = name;
  }

  /**
   * Reads every error body the API and its upload targets answer: the service's
   * `{message, name, status, errors?}`, the gateway's `{title, detail}`, and an upload target's S3-style
   * `<Error><Code>…</Code><Message>…</Message></Error>`.
   */
  static fromResponse(status: number, text: string): ParleyApiError {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      const code = xmlElement(text, 'Code');
      const message = xmlElement(text, 'Message');
      if (message !== undefined) return new ParleyApiError(status, code ?? 'HttpError', message);
      return new ParleyApiError(status, 'HttpError', text.trim() || `HTTP ${status}`);
    }
    if (body !== null && typeof body === 'object') {
      const fields = body as Record<string, unknown>;
      const errors = Array.isArray(fields.errors) ? fields.errors : [];
      if (typeof fields.message === 'string') {
        return new ParleyApiError(status, typeof fields.name === 'string' ? fields.name : 'HttpError', fields.message, errors);
      }
      if (typeof fields.title === 'string') {
        return new ParleyApiError(status, fields.title, typeof fields.detail === 'string' ? fields.detail : fields.title);
      }
    }
    return new ParleyApiError(status, 'HttpError', text);
  }
}

/** The text of the first `<name>` element; enough for S3's flat error documents, no XML parser needed. */
function xmlElement(text: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(text);
  return match?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
