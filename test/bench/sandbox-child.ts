/**
 * The benchmark's sandbox, in its own process so that the RSS the benchmark reports is dbxsync's
 * alone. Reads a JSON scenario from argv[2], prints `READY <url>` and serves until stdin closes.
 */
import { generateOrg } from '../../src/sandbox/generate.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { SandboxSeed } from '../../src/sandbox/seed.js';
import { shapeApplyScenario, type BenchScenario } from './scenario.js';

const scenario = JSON.parse(process.argv[2] ?? '{}') as BenchScenario;
let seed: SandboxSeed = generateOrg({ people: scenario.people, groups: scenario.groups, seed: 7, changeRate: scenario.changeRate ?? 0.1 });
if (scenario.apply) seed = shapeApplyScenario(seed, scenario.apply);
if (scenario.settled) {
  const dayAgo = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
  for (const g of seed.okta.groups) Object.assign(g, { created: dayAgo, lastUpdated: dayAgo, lastMembershipUpdated: dayAgo });
}
// Okta's per-minute budgets are lifted here: the read phase measures calls and latency, and the
// pacing that real limits impose is computed from the call counts instead (see bench.ts).
const unlimited = { apps: 1e9, groups: 1e9, 'groups/{id}': 1e9, users: 1e9, 'users/{id}': 1e9, 'users/{id} write': 1e9, other: 1e9, logs: 1e9 };
const sandbox = await startSandbox({
  seed,
  latencyMs: scenario.latencyMs,
  keepLog: false,
  oktaRateLimits: unlimited,
  asyncPolls: 1,
});
process.stdout.write(`READY ${sandbox.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void sandbox.close().then(() => process.exit(0));
});
