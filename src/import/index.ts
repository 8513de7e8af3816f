/** The pure import planner: (DesiredState, OktaState, DropboxState, now) → a Plan of okta.* actions. */
export { planImport } from './plan-import.js';
