/**
 * Email redaction for plans shown in public places (a PR comment on a public repository): every
 * email address, in any field and inside free text such as reasons, becomes a stable label
 * `user-<8 hex of sha256(lower-cased email)>@redacted`, so one person keeps one label across
 * sections and across runs. Applied to the plan's data before rendering, so no path leaks one.
 */
import { createHash } from 'node:crypto';
import type { Plan } from '../domain/plan.js';
import { mapPlanStrings } from './map-plan-strings.js';
import { emailKey } from '../domain/live.js';

/** Loose on purpose: anything shaped like an address is hidden (a false positive costs nothing). */
const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g;

export function emailLabel(email: string): string {
  const digest = createHash('sha256').update(emailKey(email)).digest('hex');
  return `user-${digest.slice(0, 8)}@redacted`;
}

/** Replace every email address in `text`; labels themselves are left as they are. */
export function redactEmailsInText(text: string, labels: Map<string, string> = new Map()): string {
  if (!text.includes('@')) return text;
  return text.replace(EMAIL, (email) => {
    const key = emailKey(email);
    let label = labels.get(key);
    if (label === undefined) {
      label = emailLabel(key);
      labels.set(key, label);
    }
    return label;
  });
}

/** A copy of the plan with every email address replaced by its label (the input is not changed). */
export function redactPlanEmails(plan: Plan): Plan {
  const labels = new Map<string, string>();
  return mapPlanStrings(plan, (text) => redactEmailsInText(text, labels));
}
