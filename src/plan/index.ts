/** The pure planner: (DesiredState, OktaState, DropboxState, now) → Plan, and `explain` for one person. */
export { planSync } from './plan-sync.js';
export type { PlanInput } from './analyze.js';
export { explainPerson, type Explanation, type ExplainedGroup, type ExplainedMember, type ExplainedOktaUser } from './explain.js';
export { desiredDigest, fingerprint, planContentDigest } from './fingerprint.js';
export type { MatchKind } from './identity.js';
