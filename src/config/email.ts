/** Email addresses as Dropbox accepts them (common.stone EmailAddress), so that bad ones fail here, not at apply. */

const DROPBOX_EMAIL = /^['#&A-Za-z0-9._%+-]+@[A-Za-z0-9-][A-Za-z0-9.-]*\.[A-Za-z]{2,15}$/;
export const MAX_EMAIL_LENGTH = 255;

/** Why `value` is not an email Dropbox accepts, or null when it is one. */
export function emailProblem(value: string): string | null {
  if (value.length > MAX_EMAIL_LENGTH) return `email is longer than ${MAX_EMAIL_LENGTH} characters (${value.length})`;
  if (!DROPBOX_EMAIL.test(value)) return `${JSON.stringify(value)} is not a valid email address`;
  return null;
}

export function isEmail(value: string): boolean {
  return emailProblem(value) === null;
}

/** Okta user ids: 00u followed by letters and digits. */
export function isOktaUserId(value: string): boolean {
  return /^00u[A-Za-z0-9]+$/.test(value);
}
