/** The Dropbox member fields that import.profile may write back to Okta attributes. */
import type { ImportSettings } from '../domain/desired.js';
import { assertNever } from '../domain/errors.js';
import type { DropboxMember } from '../domain/live.js';

/** givenName | surname | email (the right-hand side of an import.profile entry). */
export type ImportField = ImportSettings['profile'][string];

/** How a reason names each field. */
export const IMPORT_FIELD_LABEL: Readonly<Record<ImportField, string>> = {
  givenName: 'given name',
  surname: 'surname',
  email: 'email',
};

/** The member's value for `field`, trimmed; the email lower-cased (Okta compares emails without case). */
export function dropboxValue(member: DropboxMember, field: ImportField): string {
  switch (field) {
    case 'givenName':
      return member.givenName.trim();
    case 'surname':
      return member.surname.trim();
    case 'email':
      return member.emailKey;
    default:
      return assertNever(field, 'import.profile field');
  }
}
