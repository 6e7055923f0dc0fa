/**
 * An answer of the Meetings API other than success. `name` is the API's error name
 * (`InputValidationError`, `NotFoundError`, `Unauthorized`…), so stack traces read like the answer.
 */
export class ParleyApiError extends Error {
  constructor(
    readonly status: number,
    name: string,
    message: string,
    /** Specifics some errors carry (Vonage's `errors` array). */
    readonly errors: unknown[] = [],
  ) {
    super(message);
    this.name = name;
  }

  /** Reads both of Vonage's error bodies: the service's `{message, name, status}` and the gateway's `{title, detail}`. */
  static fromResponse(status: number, text: string): ParleyApiError {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
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
