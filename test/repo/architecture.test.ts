/**
 * Module boundaries (design.md "Architecture"): reads the imports of every src/**\/*.ts and checks
 * who may import whom. The planner and the renderers are pure; edges translate SDK shapes; only
 * the CLI wires everything together.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { REPO as REPO_ROOT } from '../helpers/repo-root.js';

const repo = REPO_ROOT;
const src = path.join(repo, 'src');

/** Every import/export specifier in TypeScript source: static, type-only, side-effect and dynamic. */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /(?:^|[\n;])\s*(?:import|export)\s(?:[^'";]*?\s)?from\s*['"]([^'"]+)['"]/g,
    /(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The top folder of src/ a file belongs to (domain, plan, cli, ...). */
function areaOf(file: string): string {
  return path.relative(src, file).split(path.sep)[0]!;
}

interface Dependency {
  readonly file: string;
  readonly area: string;
  /** The src area imported, or null for a package / node built-in. */
  readonly target: string | null;
  readonly specifier: string;
}

const SDKS: Readonly<Record<string, string>> = { dropbox: 'dropbox', '@okta/okta-sdk-nodejs': 'okta' };

/** YAML is read by src/config (desired state), written by src/dump, and read by the sandbox for seed files: never parsed in a command. */
const YAML_HOMES: readonly string[] = ['config', 'dump', 'sandbox'];

/** The one file other areas import src/plan through (its public surface). */
const PLAN_SURFACE = /(?:^|\/)plan\/index\.js$/;

function packageName(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** What each area may import: src areas (its own is always allowed) and packages ('any' = no limit). */
interface Rule {
  readonly areas: readonly string[] | 'any';
  readonly packages: readonly string[] | 'any';
  /** Pure code: no `process.` (no env, no clock through process, no exit). */
  readonly pure?: boolean;
}

const RULES: Readonly<Record<string, Rule>> = {
  // The models (desired, live, plan), the ports and the errors: nothing of ours, no I/O.
  domain: { areas: [], packages: ['re2js'], pure: true },
  // Words, the display sanitiser and redaction: what every output shares.
  text: { areas: ['domain'], packages: [], pure: true },
  // What the adapters share about a remote API: deadlines, origins, page guards, retries, answer shapes, the pool.
  transport: { areas: ['domain'], packages: ['node:async_hooks', 'node:events'] },
  plan: { areas: ['domain', 'text'], packages: ['node:crypto'], pure: true },
  render: { areas: ['domain', 'text'], packages: ['node:crypto'], pure: true },
  dump: { areas: ['domain', 'text'], packages: ['yaml'], pure: true },
  import: { areas: ['domain', 'text', 'plan'], packages: ['node:crypto'], pure: true },
  config: { areas: ['domain', 'text'], packages: 'any' },
  okta: { areas: ['domain', 'text', 'transport'], packages: 'any' },
  dropbox: { areas: ['domain', 'text', 'transport'], packages: 'any' },
  // An emulator written from the API contracts, not from our adapters: it shares only the domain's words
  // (and the `Obj` alias of transport/shape.ts).
  sandbox: { areas: ['domain', 'text', 'transport'], packages: 'any' },
  // apply runs the plan it is given, by the phases it carries (no src/plan), through the write ports of
  // domain/ports.ts (no src/okta, no src/dropbox: the CLI hands it the adapters); config only for the
  // plan file's schema, render for its output.
  apply: { areas: ['domain', 'text', 'transport', 'config', 'render'], packages: 'any' },
  // github posts what render wrote; it never reads Okta or Dropbox.
  github: { areas: ['domain', 'text', 'transport', 'render'], packages: 'any' },
  cli: { areas: 'any', packages: 'any' },
};

function dependencies(): Dependency[] {
  return sourceFiles(src).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8')).map((specifier) => {
      const target = specifier.startsWith('.') ? areaOf(path.resolve(path.dirname(file), specifier)) : null;
      return { file: path.relative(repo, file), area: areaOf(file), target, specifier };
    }),
  );
}

/** Every broken rule, as "file imports x (why)". */
function violations(deps: readonly Dependency[]): string[] {
  const out: string[] = [];
  for (const d of deps) {
    const rule = RULES[d.area];
    if (!rule) {
      out.push(`${d.file}: src/${d.area} has no rule in the architecture table`);
      continue;
    }
    if (d.target !== null) {
      if (d.target === d.area) continue;
      if (d.target === 'cli') out.push(`${d.file} imports ${d.specifier}: only src/cli imports src/cli`);
      else if (rule.areas !== 'any' && !rule.areas.includes(d.target)) out.push(`${d.file} imports ${d.specifier}: src/${d.area} may not import src/${d.target}`);
      else if (d.target === 'plan' && !PLAN_SURFACE.test(d.specifier)) out.push(`${d.file} imports ${d.specifier}: src/plan is entered through src/plan/index.js only`);
      continue;
    }
    const name = packageName(d.specifier);
    const sdkHome = SDKS[name];
    if (sdkHome !== undefined && sdkHome !== d.area && d.area !== 'cli') out.push(`${d.file} imports ${name}: only src/${sdkHome} (and the CLI that wires it) uses that SDK`);
    else if (name === 'yaml' && !YAML_HOMES.includes(d.area)) out.push(`${d.file} imports yaml: YAML is read in src/config and written in src/dump`);
    else if (rule.packages !== 'any' && !rule.packages.includes(name)) out.push(`${d.file} imports ${name}: src/${d.area} may not import it`);
  }
  return out;
}

t.test('the import extractor sees every form of import', async (t) => {
  const sample = [
    "import t from 'tap';",
    "import type { Plan } from '../domain/plan.js';",
    'import {\n  a,\n  b,\n} from "./multi.js";',
    "export { x } from './re-export.js';",
    "export * from './star.js';",
    "import './side-effect.js';",
    "const m = await import('node:fs');",
  ].join('\n');
  t.same(importsOf(sample).sort(), ['../domain/plan.js', './multi.js', './re-export.js', './side-effect.js', './star.js', 'node:fs', 'tap'].sort());
});

t.test('the rules catch what they are meant to catch', async (t) => {
  const fake = (file: string, specifier: string, target: string | null): Dependency => ({ file, area: file.split('/')[1]!, target, specifier });
  const cases: readonly [Dependency, boolean, string][] = [
    [fake('src/plan/x.ts', 'node:fs', null), true, 'the planner does no I/O'],
    [fake('src/plan/x.ts', '../okta/reader.js', 'okta'), true, 'the planner reads no API'],
    [fake('src/render/x.ts', 'dropbox', null), true, 'an SDK outside its adapter'],
    [fake('src/domain/x.ts', '../config/index.js', 'config'), true, 'domain imports nothing of ours'],
    [fake('src/config/x.ts', '../plan/index.js', 'plan'), true, 'config does not plan'],
    [fake('src/okta/x.ts', '../config/index.js', 'config'), true, 'an adapter does not load YAML'],
    [fake('src/dropbox/x.ts', '../apply/run-apply.js', 'apply'), true, 'an adapter does not run plans'],
    [fake('src/sandbox/x.ts', '../dropbox/reader.js', 'dropbox'), true, 'the emulator does not share our adapters'],
    [fake('src/apply/x.ts', '../cli/io.js', 'cli'), true, 'only the CLI imports the CLI'],
    [fake('src/apply/x.ts', '../plan/ordering.js', 'plan'), true, 'apply never re-plans'],
    // The edges of issue 13 ("Ports and edges"), each allowed by the table before it:
    [fake('src/apply/import-execute.ts', '../okta/writer.js', 'okta'), true, 'apply takes the Okta port from domain/ports.ts'],
    [fake('src/apply/x.ts', '../dropbox/reader.js', 'dropbox'), true, 'apply does not import the Dropbox adapter'],
    [fake('src/github/x.ts', '../okta/client.js', 'okta'), true, 'github reads no API but its own'],
    [fake('src/import/plan-import.ts', '../plan/identity.js', 'plan'), true, 'import enters the planner by its public surface'],
    [fake('src/cli/reconcile-run.ts', '../plan/reconcile.js', 'plan'), true, 'so does the CLI'],
    [fake('src/cli/commands/dump.ts', 'yaml', null), true, 'a command does not parse YAML itself'],
    [fake('src/sandbox/x.ts', '../config/index.js', 'config'), true, 'nor does the sandbox load desired state'],
    // The rooms of src/domain's split (issue 13): the models import no helper room, the pure core no transport.
    [fake('src/domain/plan.ts', '../text/words.js', 'text'), true, 'the models import nothing of ours'],
    [fake('src/domain/x.ts', 'node:async_hooks', null), true, 'the models hold no request state'],
    [fake('src/plan/x.ts', '../transport/retry-policy.js', 'transport'), true, 'the planner does not talk to an API'],
    [fake('src/text/x.ts', '../transport/shape.js', 'transport'), true, 'the words do not depend on the wire'],
    [fake('src/transport/x.ts', '../okta/client.js', 'okta'), true, 'transport serves the adapters, not the other way'],
    // What is allowed:
    [fake('src/cli/x.ts', '../plan/index.js', 'plan'), false, 'the CLI wires the planner'],
    [fake('src/import/x.ts', '../plan/index.js', 'plan'), false, 'import uses the public surface'],
    [fake('src/plan/x.ts', 'node:crypto', null), false, 'digests are pure'],
    [fake('src/plan/x.ts', './identity.js', 'plan'), false, 'inside src/plan anything goes'],
    [fake('src/apply/x.ts', '../domain/ports.js', 'domain'), false, 'the ports'],
    [fake('src/dump/x.ts', 'yaml', null), false, 'dump writes YAML'],
    [fake('src/plan/x.ts', '../text/words.js', 'text'), false, 'the planner words its reasons'],
    [fake('src/okta/x.ts', '../transport/pagination.js', 'transport'), false, 'an adapter guards its pages'],
  ];
  for (const [dep, fails, why] of cases) t.equal(violations([dep]).length, fails ? 1 : 0, `${dep.file} → ${dep.specifier}: ${why}`);
});

t.test('every module respects the architecture table', async (t) => {
  const deps = dependencies();
  t.ok(deps.length > 50, `${deps.length} imports read`);
  t.same(violations(deps), []);
});

t.test('the planner and the renderers never touch process (env, clock, exit, streams)', async (t) => {
  const offenders: string[] = [];
  for (const file of sourceFiles(src)) {
    if (!RULES[areaOf(file)]?.pure) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/\bprocess\./.test(line.replace(/\/\/.*$/, ''))) offenders.push(`${path.relative(repo, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  t.same(offenders, []);
});
