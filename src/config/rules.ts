/**
 * Semantic rules: what the schema cannot say. Each rule reports at the node it is about. The data
 * may still hold schema errors (every problem is reported at once), so every read here checks its
 * types and skips what the schema already reports.
 */
import { firstUnsafeChar } from '../text/display-text.js';
import { compileGroupPattern, groupPatternError, type GroupPattern } from '../domain/group-pattern.js';
import type { ConfigIssue } from './issue.js';
import { emailProblem, isOktaUserId } from './email.js';
import type { MergedConfig } from './merge.js';
import { formatPath } from './schema.js';
import type { DataPath } from './yaml-file.js';
import { formatSource } from '../text/words.js';

export interface RuleOptions {
  /** Today, for exception expiry (compared as a UTC calendar date). */
  readonly now: Date;
  /**
   * Some file could not be read: rules that depend on a key being absent stay silent, since the
   * key may be in that file.
   */
  readonly partial?: boolean;
}

export function ruleIssues(merged: MergedConfig, options: RuleOptions): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const ctx: Ctx = {
    merged,
    error: (path, message, target = 'value') => out.push(merged.issue(path, `${formatPath(path)}: ${message}`, 'error', target)),
    warn: (path, message, target = 'value') => out.push(merged.issue(path, `${formatPath(path)}: ${message}`, 'warning', target)),
    where: (path, target = 'value') => {
      const found = merged.locate(path, target);
      return found ? formatSource({ file: found.file.display, ...found.pos }) : formatPath(path);
    },
  };
  if (!options.partial) requiredKeys(ctx, out);
  protectedMembers(ctx);
  safetyExceptions(ctx, options.now);
  groupPushes(ctx);
  roles(ctx);
  offboarding(ctx, options.partial ?? false);
  reconcileClasses(ctx);
  return out;
}

interface Ctx {
  readonly merged: MergedConfig;
  error(path: DataPath, message: string, target?: 'key' | 'value' | 'parent'): void;
  warn(path: DataPath, message: string, target?: 'key' | 'value' | 'parent'): void;
  /** `file:line:col` of a node, for "first defined at" messages. */
  where(path: DataPath, target?: 'key' | 'value' | 'parent'): string;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function requiredKeys(ctx: Ctx, out: ConfigIssue[]): void {
  for (const key of ['version', 'okta']) {
    if (!(key in ctx.merged.data)) {
      const example = key === 'version' ? 'version: 1' : 'okta: {appId: 0oa...}';
      out.push(ctx.merged.issue([key], `missing required top-level key "${key}": no file defines it (add "${example}" to one file)`));
    }
  }
}

function checkEmail(ctx: Ctx, path: DataPath, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const problem = emailProblem(value);
  if (problem) {
    ctx.error(path, problem);
    return null;
  }
  return value.toLowerCase();
}

function protectedMembers(ctx: Ctx): void {
  const members = list(record(ctx.merged.data.provisioning)?.protectedMembers);
  const seen = new Map<string, number>();
  members.forEach((member, i) => {
    const path = ['provisioning', 'protectedMembers', i];
    const email = checkEmail(ctx, path, member);
    if (email === null) return;
    const first = seen.get(email);
    if (first !== undefined) ctx.error(path, `"${email}" is listed twice (first at ${ctx.where(['provisioning', 'protectedMembers', first])})`);
    else seen.set(email, i);
  });
}

/** The limits an exception may change (each one a key of `safety`). */
const EXCEPTION_LIMITS = ['maxRemovals', 'maxRemovalPercent', 'minTeamAdmins', 'maxGroupMemberRemovals', 'maxRoleDemotions', 'maxGroupDeletions'] as const;

function safetyExceptions(ctx: Ctx, now: Date): void {
  const today = now.toISOString().slice(0, 10);
  list(record(ctx.merged.data.safety)?.exceptions).forEach((entry, i) => {
    const exception = record(entry);
    if (!exception) return;
    const path = ['safety', 'exceptions', i];
    if (!EXCEPTION_LIMITS.some((k) => k in exception)) {
      ctx.error(path, `an exception must raise at least one limit: ${EXCEPTION_LIMITS.slice(0, -1).join(', ')} or ${EXCEPTION_LIMITS.at(-1)}`);
    }
    const expires = exception.expires;
    if (typeof expires === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(expires) && expires < today) {
      const reason = typeof exception.reason === 'string' ? ` "${exception.reason}"` : '';
      ctx.error([...path, 'expires'], `exception${reason} expired on ${expires} (today is ${today}); remove it, or renew it in a reviewed change`);
    }
  });
}

function groupPushes(ctx: Ctx): void {
  const pushes = list(ctx.merged.data.groupPushes);
  // Okta group -> index of the first push naming it; Dropbox group -> index of the first push onto it.
  const byOktaGroup = new Map<string, number>();
  const byDropboxGroup = new Map<string, number>();
  const patterns: { index: number; regex: GroupPattern; source: string }[] = [];
  const named: { index: number; oktaGroup: string; target: string }[] = [];
  pushes.forEach((entry, i) => {
    const push = record(entry);
    if (!push) return;
    const path = ['groupPushes', i];
    const hasGroup = 'oktaGroup' in push;
    const hasPattern = 'oktaGroupPattern' in push;
    if (hasGroup && hasPattern) ctx.error(path, 'set exactly one of oktaGroup or oktaGroupPattern, not both');
    else if (!hasGroup && !hasPattern) ctx.error(path, 'set exactly one of oktaGroup or oktaGroupPattern; this entry has neither');

    const pattern = text(push.oktaGroupPattern);
    if (pattern !== null) {
      const reason = groupPatternError(pattern);
      if (reason === null) patterns.push({ index: i, regex: compileGroupPattern(pattern), source: pattern });
      else ctx.error([...path, 'oktaGroupPattern'], `not a valid regular expression (RE2 syntax: no lookaround, no backreferences): ${reason}`);
      if ('dropboxGroup' in push && !hasGroup) {
        ctx.error([...path, 'dropboxGroup'], 'cannot be used with oktaGroupPattern: each matching Okta group is pushed under its own name', 'key');
      }
    }

    for (const key of ['oktaGroup', 'dropboxGroup'] as const) plainName(ctx, [...path, key], push[key]);
    const oktaGroup = text(push.oktaGroup);
    if (oktaGroup === null || hasPattern) return;
    const target = text(push.dropboxGroup) ?? oktaGroup;
    const firstPush = byOktaGroup.get(oktaGroup);
    if (firstPush !== undefined) {
      const firstTarget = text(record(pushes[firstPush])?.dropboxGroup) ?? oktaGroup;
      ctx.error(
        [...path, 'oktaGroup'],
        firstTarget === target
          ? `Okta group "${oktaGroup}" is already pushed at ${ctx.where(['groupPushes', firstPush])}`
          : `Okta group "${oktaGroup}" is already pushed as Dropbox group "${firstTarget}" at ${ctx.where(['groupPushes', firstPush])}; an Okta group is pushed to one Dropbox group only`,
      );
      return;
    }
    byOktaGroup.set(oktaGroup, i);
    const firstOnto = byDropboxGroup.get(target);
    if (firstOnto !== undefined) {
      const other = text(record(pushes[firstOnto])?.oktaGroup) ?? '';
      ctx.error(
        [...path, 'dropboxGroup' in push ? 'dropboxGroup' : 'oktaGroup'],
        `Dropbox group "${target}" is already the target of Okta group "${other}" at ${ctx.where(['groupPushes', firstOnto])}; two Okta groups cannot push onto one Dropbox group`,
      );
      return;
    }
    byDropboxGroup.set(target, i);
    named.push({ index: i, oktaGroup, target });
  });

  for (const push of named) {
    const pattern = patterns.find((p) => p.regex.test(push.oktaGroup));
    if (!pattern) continue;
    const path = ['groupPushes', push.index, 'oktaGroup'];
    const at = ctx.where(['groupPushes', pattern.index]);
    if (push.target !== push.oktaGroup) {
      ctx.error(path, `Okta group "${push.oktaGroup}" is also matched by oktaGroupPattern "${pattern.source}" at ${at}, which pushes it as "${push.oktaGroup}"; an Okta group is pushed to one Dropbox group only`);
    } else {
      ctx.warn(path, `Okta group "${push.oktaGroup}" is also matched by oktaGroupPattern "${pattern.source}" at ${at}; one of the two entries is enough`);
    }
  }
}

/**
 * A group name in YAML is plain text: a control character (ESC, CR, LF, tab) or a bidi formatting
 * one (U+202E, U+2066–U+2069, U+200E/F) would become a real Dropbox group name that renders as
 * something else in every review (issue 12 item 8).
 */
function plainName(ctx: Ctx, path: DataPath, value: unknown): void {
  if (typeof value !== 'string') return;
  const bad = firstUnsafeChar(value);
  if (bad !== null) ctx.error(path, `a group name must be plain text: it holds a control or bidirectional formatting character (${bad})`);
}

function roles(ctx: Ctx): void {
  // person -> where they were first granted a role, and which role
  const granted = new Map<string, { path: DataPath; role: string }>();
  list(ctx.merged.data.roles).forEach((entry, i) => {
    const rule = record(entry);
    if (!rule) return;
    const path = ['roles', i];
    const role = typeof rule.role === 'string' ? rule.role : '?';
    if (role === 'member_only') ctx.warn([...path, 'role'], 'a member_only rule has no effect: everyone without a higher role is member_only');
    if (list(rule.oktaGroups).length === 0 && list(rule.users).length === 0 && Array.isArray(rule.oktaGroups ?? []) && Array.isArray(rule.users ?? [])) {
      ctx.warn(path, `this rule grants ${role} to nobody (no oktaGroups, no users)`);
    }
    list(rule.oktaGroups).forEach((group, j) => plainName(ctx, [...path, 'oktaGroups', j], group));
    list(rule.users).forEach((user, j) => {
      if (typeof user !== 'string' || user === '') return;
      const userPath = [...path, 'users', j];
      let person: string;
      if (user.includes('@')) {
        const email = checkEmail(ctx, userPath, user);
        if (email === null) return;
        person = email;
      } else if (isOktaUserId(user)) {
        person = user;
      } else {
        ctx.error(userPath, `${JSON.stringify(user)} is neither an email nor an Okta user id (00u...)`);
        return;
      }
      const first = granted.get(person);
      if (!first) {
        granted.set(person, { path: userPath, role });
      } else if (first.path[1] === i) {
        ctx.error(userPath, `"${person}" is listed twice (first at ${ctx.where(first.path)})`);
      } else {
        ctx.error(userPath, `"${person}" is already given ${first.role} at ${ctx.where(first.path)}; list a person under one role only`);
      }
    });
  });
}

function offboarding(ctx: Ctx, partial: boolean): void {
  const off = record(ctx.merged.data.offboarding) ?? {};
  const declared = record(off.onDeactivated);
  const deactivated = declared ?? {};
  const provisioning = record(ctx.merged.data.provisioning);
  const base = ['offboarding', 'onDeactivated'];

  const overrides = list(off.overrides);
  const seenGroups = new Map<string, number>();
  overrides.forEach((entry, i) => {
    const group = text(record(entry)?.oktaGroup);
    if (group === null) return;
    const first = seenGroups.get(group);
    if (first !== undefined) {
      ctx.error(['offboarding', 'overrides', i, 'oktaGroup'], `Okta group "${group}" already has an override at ${ctx.where(['offboarding', 'overrides', first])}`);
    } else seenGroups.set(group, i);
  });

  const transferTo = typeof deactivated.transferTo === 'string' ? deactivated.transferTo : 'manager';
  if ('transferTo' in deactivated && typeof deactivated.transferTo === 'string' && deactivated.transferTo !== '' && transferTo !== 'manager' && transferTo !== 'none') {
    const problem = emailProblem(transferTo);
    if (problem) ctx.error([...base, 'transferTo'], `must be manager, none or the email of a team member; ${problem}`);
  }
  const fallback = typeof deactivated.fallbackTransferTo === 'string' ? deactivated.fallbackTransferTo : null;
  // A transferAdmin of the wrong type is reported by the schema; it still counts as given here.
  const hasAdmin = 'transferAdmin' in deactivated;
  if (fallback !== null) checkEmail(ctx, [...base, 'fallbackTransferTo'], fallback);
  checkEmail(ctx, [...base, 'transferAdmin'], deactivated.transferAdmin);

  const keepAccount = deactivated.keepAccount === true;
  const wipeData = deactivated.wipeData === true;
  const transfer =
    transferTo !== 'none' ? `transferTo: ${transferTo}${'transferTo' in deactivated ? '' : ', the default'}` : fallback !== null ? `fallbackTransferTo: ${fallback}` : null;

  if (keepAccount && transfer !== null) {
    ctx.error(
      [...base, 'keepAccount'],
      `cannot be true with a file transfer (${transfer}): Dropbox refuses keep_account with a transfer; set transferTo: none without a fallbackTransferTo, or keepAccount: false`,
    );
  }
  if (keepAccount && wipeData) {
    ctx.error([...base, 'wipeData'], 'cannot be true together with keepAccount: true (Dropbox refuses wipe_data for a kept account)');
  }
  if (deactivated.retainTeamShares === true && !keepAccount) {
    ctx.error([...base, 'retainTeamShares'], 'needs keepAccount: true (only a kept account can retain team shares)');
  }
  if (transferTo === 'none' && fallback !== null && !keepAccount) {
    ctx.warn([...base, 'fallbackTransferTo'], 'has no effect with transferTo: none');
  }
  if (deactivated.action !== 'remove' && typeof deactivated.graceDays === 'number' && deactivated.graceDays > 0) {
    ctx.warn([...base, 'graceDays'], 'has no effect unless action is remove (members are only suspended)');
  }

  const removalCauses = [
    deactivated.action === 'remove' ? [...base, 'action'] : null,
    provisioning?.unassigned === 'remove' ? ['provisioning', 'unassigned'] : null,
    provisioning?.unmanagedMembers === 'remove' ? ['provisioning', 'unmanagedMembers'] : null,
    ...overrides.map((o, i) => (record(o)?.action === 'remove' ? ['offboarding', 'overrides', i, 'action'] : null)),
  ].filter((p): p is (string | number)[] => p !== null);
  if (transfer !== null && !hasAdmin && removalCauses.length > 0 && !keepAccount) {
    const cause = removalCauses[0]!;
    const explicit = 'transferTo' in deactivated;
    if (explicit || declared) {
      ctx.error(
        explicit ? [...base, 'transferTo'] : base,
        `a file transfer (${transfer}) needs transferAdmin, the email of the team admin who receives transfer errors (removals come from ${formatPath(cause)} at ${ctx.where(cause)})`,
        explicit ? 'value' : 'key',
      );
    } else if (!partial) {
      ctx.error(
        cause,
        `removed members' files are transferred (${transfer}), which needs offboarding.onDeactivated.transferAdmin, the email of the team admin who receives transfer errors`,
      );
    }
  }
}

/** A class both applied and held is ambiguous: reported at its entry in `hold`. */
function reconcileClasses(ctx: Ctx): void {
  const reconcile = record(ctx.merged.data.reconcile);
  const applied = list(reconcile?.apply);
  list(reconcile?.hold).forEach((entry, i) => {
    const at = typeof entry === 'string' ? applied.indexOf(entry) : -1;
    if (at >= 0) ctx.error(['reconcile', 'hold', i], `"${String(entry)}" is also in reconcile.apply (${ctx.where(['reconcile', 'apply', at])}); a class is either applied or held`);
  });
}
