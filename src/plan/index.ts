/** The pure planner: (DesiredState, OktaState, DropboxState, now) → Plan, and `explain` for one person. */
export { planDropboxChanges } from './plan-dropbox-changes.js';
export type { PlanInput } from './analyze.js';
export { explainPerson, type Explanation, type ExplainedGroup, type ExplainedMember, type ExplainedOktaUser } from './explain.js';
export { desiredDigest, fingerprint, planContentDigest } from './fingerprint.js';
export type { MatchKind } from './identity.js';

/*
 * The planner's public surface for the other planners (src/import's import plan, reconcile's
 * selection in src/cli): who is who (identity matching over the live index), who is protected,
 * the phase an action runs in, and the wording of reasons. Nothing imports a file of src/plan but
 * this one (test/repo/architecture.test.ts).
 */
export { matchIdentities } from './identity.js';
export { indexLive, type LiveIndex } from './live-index.js';
export { OPERATOR_REASON, protectedMembers } from './context.js';
export { phase } from './ordering.js';
export { at, compareStrings, display, list } from './text.js';
export { dailyRemovalBrake, plannedRemovals, selectForReconcile, type HeldChange, type ReconcileSelection } from './reconcile.js';
