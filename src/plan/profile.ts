/**
 * The Dropbox profile an Okta user should have (through provisioning.profile), and the limits
 * Dropbox puts on each field (dropbox-api-spec common.stone / team.stone). A value Dropbox would
 * refuse is never planned: that person's change is skipped with an `invalid_value` warning naming
 * them, and the rest of the plan proceeds (one person's data never blocks everybody).
 */
import type { ProvisioningSettings } from '../domain/desired.js';
import { assertNever } from '../domain/errors.js';
import { emailKey, type OktaUser } from '../domain/live.js';
import { profileString } from './text.js';

export interface DesiredProfile {
  readonly givenName: string;
  readonly surname: string;
  /** Lower-cased. */
  readonly email: string;
  readonly externalId: string;
}

export type ProfileField = keyof DesiredProfile;

export const NAME_MAX = 50;
export const EMAIL_MAX = 255;
export const EXTERNAL_ID_MAX = 64;
const NAME_FORBIDDEN = /[/:?*<>"|]/;
/** Dropbox's EmailAddress pattern (common.stone), a 2–15 letter top-level domain. */
const EMAIL_PATTERN = /^['#&A-Za-z0-9._%+-]+@[A-Za-z0-9-][A-Za-z0-9.-]*\.[A-Za-z]{2,15}$/;

export function desiredProfile(user: OktaUser, mapping: ProvisioningSettings['profile']): DesiredProfile {
  const mappedEmail = profileString(user, mapping.email);
  return {
    givenName: profileString(user, mapping.givenName),
    surname: profileString(user, mapping.surname),
    email: emailKey(mappedEmail === '' ? user.email : mappedEmail),
    externalId: user.id,
  };
}

/**
 * Why Dropbox would refuse `value` for `field`, or null when it accepts it. Names are
 * common.OptionalNamePart on both members/add_v2 and members/set_profile_v2 (team.stone:1625,
 * 1876; common.stone:7: max_length=50, pattern [^/:?*<>"|]*, no minimum), so an empty name is sent.
 * Stone's max_length counts characters (code points), not UTF-16 units.
 */
export function refusal(field: ProfileField, value: string): string | null {
  switch (field) {
    case 'givenName':
    case 'surname': {
      const label = field === 'givenName' ? 'given name' : 'surname';
      if ([...value].length > NAME_MAX) return `${label} ${JSON.stringify(value)} is longer than ${NAME_MAX} characters`;
      const bad = NAME_FORBIDDEN.exec(value);
      if (bad !== null) return `${label} ${JSON.stringify(value)} contains ${JSON.stringify(bad[0])}, which Dropbox refuses`;
      return null;
    }
    case 'email':
      if (value.length > EMAIL_MAX) return `email is longer than ${EMAIL_MAX} characters`;
      if (!EMAIL_PATTERN.test(value)) return `email ${JSON.stringify(value)} is not an address Dropbox accepts`;
      return null;
    case 'externalId':
      if (value.length > EXTERNAL_ID_MAX) return `external id ${JSON.stringify(value)} is longer than ${EXTERNAL_ID_MAX} characters`;
      return null;
    default:
      return assertNever(field, 'profile field');
  }
}
