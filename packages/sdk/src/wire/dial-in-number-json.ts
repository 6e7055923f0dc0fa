/** A phone number people can call to join a meeting by voice, with the meeting code as PIN. */
export interface DialInNumber {
  /** Digits only, no `+`. */
  number: string;
  /** BCP 47, e.g. `en-GB`. */
  locale: string;
  /** The country, in words. */
  display_name: string;
}
