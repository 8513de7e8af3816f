import t from 'tap';
import { fitToLength, utf8Length, type FoldableSection } from '../../src/render/fit-to-length.js';

function section(name: string, rows: number, options: { lastResort?: boolean; rowText?: string } = {}): FoldableSection {
  return {
    head: `## ${name}\n`,
    emptyHead: `## ${name}\n`,
    rows: Array.from({ length: rows }, (_, i) => `${options.rowText ?? `${name} row`} ${i}\n`),
    tail: '',
    note: (hidden) => `(${hidden} ${name} rows cut)\n`,
    lastResort: options.lastResort ?? false,
  };
}

t.test('a document that fits is joined unchanged', async (t) => {
  const result = fitToLength(['top', section('a', 2), { whenFolded: 'SHORTENED' }, 'end'], 1000, '(cut)');
  t.equal(result.text, 'top\n## a\na row 0\na row 1\n\nend');
  t.equal(result.folded, false);
});

t.test('the longest section is folded first; a short one stays whole', async (t) => {
  const result = fitToLength(['top', { whenFolded: 'SHORTENED' }, section('long', 500), section('short', 3), 'end'], 600, '(cut)');
  t.ok(result.text.length <= 600, `${result.text.length}`);
  t.equal(result.folded, true);
  t.match(result.text, 'short row 2', 'the short section is whole');
  t.notMatch(result.text, '(short', 'nothing cut from it');
  t.match(result.text, /\((\d+) long rows cut\)/);
  t.match(result.text, 'long row 0', 'the long one keeps its first rows');
  t.match(result.text, 'SHORTENED', 'the "shortened" notice appears only when folded');
});

t.test('two long sections are cut to about the same size', async (t) => {
  const result = fitToLength([section('a', 300), section('b', 400)], 2000, '(cut)');
  const shownA = result.text.split('a row').length - 1;
  const shownB = result.text.split('b row').length - 1;
  t.ok(Math.abs(shownA - shownB) <= 1, `${shownA} and ${shownB}`);
});

t.test('last-resort sections are cut only when the others are folded to nothing', async (t) => {
  const keep = fitToLength([section('keep', 20, { lastResort: true }), section('other', 200)], 400, '(cut)');
  t.match(keep.text, 'keep row 19', 'kept whole while others can fold');
  t.match(keep.text, /\(\d+ other rows cut\)/);
  const squeezed = fitToLength([section('keep', 200, { lastResort: true }), section('other', 200)], 400, '(cut)');
  t.ok(utf8Length(squeezed.text) <= 400);
  t.match(squeezed.text, 'keep row 0', 'its first rows stay');
  t.match(squeezed.text, /\(\d+ keep rows cut\)/);
});

t.test('when even fixed text is too long, the end is cut with the note', async (t) => {
  const result = fitToLength(['x'.repeat(500), section('a', 5)], 100, '\n(cut)');
  t.equal(utf8Length(result.text), 100);
  t.ok(result.text.endsWith('\n(cut)'));
});

t.test('lengths are UTF-8 bytes, and cuts never split a character', async (t) => {
  t.equal(utf8Length('abc'), 3);
  t.equal(utf8Length('é'), 2);
  t.equal(utf8Length('…→'), 6);
  t.equal(utf8Length('😀'), 4);
  const result = fitToLength(['😀'.repeat(50)], 21, '!');
  t.equal(result.text, `${'😀'.repeat(5)}!`);
  const rows = fitToLength([section('é', 100, { rowText: 'éééé' })], 300, '(cut)');
  t.ok(utf8Length(rows.text) <= 300);
});
