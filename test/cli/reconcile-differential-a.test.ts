/**
 * Differential test, first slice (see reconcile-differential.ts): after every random sequence of
 * Okta changes, the incremental reconcile leaves Dropbox as a full plan + apply would.
 */
import t from 'tap';
import { differential } from './reconcile-differential.js';

const total = Number(process.env['DBXSYNC_DIFF_SEQUENCES'] ?? 40);
t.test('incremental reconcile = full plan + apply, seeded sequences (first half)', async (t) => {
  const { incremental } = await differential(t, 0, Math.ceil(total / 2));
  t.ok(incremental > 0, 'most runs stay incremental (the check is not only of escalations)');
});
