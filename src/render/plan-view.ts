/**
 * The reading order both human renderers share: privileged changes first, then the other actions
 * grouped by person (sorted by email) and by group (sorted by name), each group keeping execution
 * order inside it; plus the labels of waiting states and reports.
 */
import { assertNever } from '../domain/errors.js';
import { isPrivileged, type Action, type Plan, type Report, type Waiting } from '../domain/plan.js';
import { subjectOf } from './describe-action.js';
import { formatDate } from './format-date.js';
import { plural } from '../text/words.js';

export interface ActionGroup {
  /** An email, or a group name. */
  readonly key: string;
  readonly actions: readonly Action[];
}

export interface PlanView {
  readonly privileged: readonly Action[];
  readonly people: readonly ActionGroup[];
  readonly groups: readonly ActionGroup[];
}

/** Code-unit order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupKey(action: Action): string {
  if ('group' in action) return action.group.groupId ?? action.group.externalId ?? action.group.name;
  return '';
}

function collect(actions: readonly Action[], keyOf: (a: Action) => string, labelOf: (a: Action) => string): ActionGroup[] {
  const byKey = new Map<string, { label: string; actions: Action[] }>();
  for (const action of actions) {
    const key = keyOf(action);
    const entry = byKey.get(key);
    if (entry) entry.actions.push(action);
    else byKey.set(key, { label: labelOf(action), actions: [action] });
  }
  return [...byKey.values()]
    .sort((a, b) => compareText(a.label, b.label))
    .map((entry) => ({ key: entry.label, actions: entry.actions }));
}

export function viewOf(plan: Plan): PlanView {
  const privileged = plan.actions.filter(isPrivileged);
  const rest = plan.actions.filter((a) => !isPrivileged(a));
  const personActions = rest.filter((a) => subjectOf(a).type === 'person');
  const groupActions = rest.filter((a) => subjectOf(a).type === 'group');
  const label = (a: Action): string => {
    const subject = subjectOf(a);
    return subject.type === 'person' ? subject.email : subject.name;
  };
  return {
    privileged,
    people: collect(personActions, label, label),
    groups: collect(groupActions, groupKey, label),
  };
}

export function waitingLabel(kind: Waiting['kind']): string {
  switch (kind) {
    case 'pending_invite':
      return 'pending invite';
    case 'awaiting_activation':
      return 'awaiting activation';
    case 'grace_period':
      return 'grace period';
    default:
      return assertNever(kind, 'waiting state');
  }
}

/** "12 days, since 2026-11-16; removal due 2026-11-30"; empty when the state has no dates. */
export function waitingTiming(waiting: Waiting): string {
  const parts: string[] = [];
  const age = waiting.ageDays === null ? null : plural(waiting.ageDays, 'day');
  if (waiting.since) parts.push(age === null ? `since ${waiting.since.slice(0, 10)}` : `${age}, since ${waiting.since.slice(0, 10)}`);
  else if (age !== null) parts.push(age);
  if (waiting.dueDate) parts.push(`removal due ${formatDate(waiting.dueDate)}`);
  return parts.join('; ');
}

export function reportLabel(kind: Report['kind']): string {
  switch (kind) {
    case 'unmanaged_member':
      return 'unmanaged member';
    case 'unassigned_member':
      return 'unassigned member';
    case 'ambiguous_match':
      return 'ambiguous match';
    case 'protected_member':
      return 'protected member';
    case 'other':
      return 'note';
    default:
      return assertNever(kind, 'report kind');
  }
}

/** "(limit 25, this plan 31)" for numeric safety rules; empty otherwise. */
export function violationNumbers(limit: number | null, value: number | null): string {
  if (limit === null && value === null) return '';
  const parts: string[] = [];
  if (limit !== null) parts.push(`limit ${limit}`);
  if (value !== null) parts.push(`this plan ${value}`);
  return `(${parts.join(', ')})`;
}
