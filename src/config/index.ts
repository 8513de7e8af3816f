/** src/config: desired-state YAML -> DesiredState. */
export { loadDesiredState, requireDesiredState, type ConfigResult, type LoadOptions } from './load-desired-state.js';
export { formatIssue, type ConfigIssue, type Severity } from './issue.js';
export { DEFAULTS, defaultDesiredState } from './normalise.js';
export { schemaPath } from './schema.js';
export { appIdOfSettingsFile } from './settings-app-id.js';
