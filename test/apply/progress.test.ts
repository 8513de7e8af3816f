import t from 'tap';
import { createProgress, formatProgress } from '../../src/apply/progress.js';
import { applyPlan } from '../../src/apply/execute.js';
import { FakeWriter } from './fakes/fake-writer.js';
import { person, plan, suspend } from './fakes/plan-builder.js';

t.test('formatProgress', async (t) => {
  const cases: [string, Parameters<typeof formatProgress>, string][] = [
    ['the contract example', [{ total: 300, applied: 118, failed: 2, skipped: 0 }, { width: 10 }], '[####......] 118/300 applied, 2 failed'],
    ['nothing done yet', [{ total: 4, applied: 0, failed: 0, skipped: 0 }, { width: 8 }], '[........] 0/4 applied'],
    ['all done with skips', [{ total: 4, applied: 2, failed: 1, skipped: 1 }, { width: 8 }], '[########] 2/4 applied, 1 failed, 1 skipped'],
    ['an empty plan', [{ total: 0, applied: 0, failed: 0, skipped: 0 }, { width: 4 }], '[####] 0/0 applied'],
    ['colour on failures', [{ total: 2, applied: 1, failed: 1, skipped: 0 }, { width: 2, color: true }], '[##] 1/2 applied, \u001b[31m1 failed\u001b[39m'],
  ];
  for (const [name, args, expected] of cases) t.equal(formatProgress(...args), expected, name);
});

async function runWith(out: { write(s: string): void; isTTY: boolean }, options: Parameters<typeof createProgress>[1], clock?: () => number) {
  const w = new FakeWriter();
  const actions = Array.from({ length: 30 }, (_, i) => {
    w.member({ email: `m${i}@acme.example`, teamMemberId: `dbmid:m${i}` });
    return suspend(person(`m${i}@acme.example`, `dbmid:m${i}`));
  });
  const progress = createProgress(out, { ...options, clock });
  await applyPlan(plan(actions), w, { onEvent: (e) => progress.onEvent(e) });
}

t.test('on a terminal: redrawn in place, throttled, ends with the final count and a newline', async (t) => {
  let text = '';
  let ms = 0;
  await runWith({ write: (s) => void (text += s), isTTY: true }, { intervalMs: 100, width: 10 }, () => (ms += 30));
  const frames = text.split('\r').filter((f) => f !== '');
  t.ok(frames.length < 30, `throttled: ${frames.length} frames for 30 actions`);
  t.ok(frames.length >= 3);
  t.equal(frames.at(-1), '[##########] 30/30 applied\u001b[K\n');
  t.equal(frames[0], '[..........] 0/30 applied\u001b[K');
});

t.test('nothing when not a terminal, nothing with --quiet', async (t) => {
  let text = '';
  await runWith({ write: (s) => void (text += s), isTTY: false }, {});
  await runWith({ write: (s) => void (text += s), isTTY: true }, { quiet: true });
  t.equal(text, '');
});

t.test('NO_COLOR turns colour off', async (t) => {
  const w = new FakeWriter();
  w.member({ email: 'a@acme.example', teamMemberId: 'dbmid:a' });
  const p = plan([suspend(person('gone@acme.example', 'dbmid:gone'))]);
  for (const [env, colored] of [[{}, true], [{ NO_COLOR: '1' }, false], [{ TERM: 'dumb' }, false]] as const) {
    let text = '';
    const progress = createProgress({ write: (s) => void (text += s), isTTY: true }, { env });
    await applyPlan(p, w, { onEvent: (e) => progress.onEvent(e) });
    t.equal(text.includes('\u001b[31m'), colored, JSON.stringify(env));
  }
});
