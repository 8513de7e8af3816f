/**
 * Fitting a document into a length limit (a GitHub comment holds 65,536 characters) by folding
 * its longest sections first: every foldable section is cut to a common cap, found by binary
 * search, so short sections stay whole and long ones shrink to the same size. A cut section says
 * how many rows it does not show. "Last resort" sections (irreversible changes) are cut only when
 * everything else is already folded away, keeping their first rows.
 *
 * Lengths are counted in UTF-8 bytes: never fewer than characters, so the limit holds whichever
 * way the receiving end counts.
 */

/** The UTF-8 encoded length of `text`, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** The longest prefix of `text` of at most `limit` UTF-8 bytes, never splitting a character. */
function truncateUtf8(text: string, limit: number): string {
  let bytes = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > limit) break;
    bytes += size;
    i += pair ? 2 : 1;
  }
  return text.slice(0, i);
}

/** A part of the document that may lose rows from its end. */
export interface FoldableSection {
  /** Text before the rows when at least one row is shown (a summary line, a table head). */
  readonly head: string;
  /** Text before the note when no row is shown. */
  readonly emptyHead: string;
  /** One string per row, each ending with a newline. */
  readonly rows: readonly string[];
  readonly tail: string;
  /** The text saying what was cut: `hidden` rows are not shown, `shown` are. */
  readonly note: (hidden: number, shown: number) => string;
  /** Cut only after every normal section is folded to nothing. */
  readonly lastResort?: boolean;
}

/** A document part: fixed text, text shown only when something was cut, or a foldable section. */
export type DocumentPart = string | { readonly whenFolded: string } | FoldableSection;

export interface FitResult {
  readonly text: string;
  /** True when some rows were cut. */
  readonly folded: boolean;
}

function isSection(part: DocumentPart): part is FoldableSection {
  return typeof part !== 'string' && 'rows' in part;
}

class Measured {
  private readonly prefix: number[];
  constructor(readonly section: FoldableSection) {
    this.prefix = [0];
    for (const row of section.rows) this.prefix.push((this.prefix[this.prefix.length - 1] ?? 0) + utf8Length(row));
  }

  get size(): number {
    return this.section.rows.length;
  }

  lengthAt(shown: number): number {
    const s = this.section;
    const head = shown > 0 ? s.head : s.emptyHead;
    const note = shown < this.size ? utf8Length(s.note(this.size - shown, shown)) : 0;
    return utf8Length(head) + (this.prefix[shown] ?? 0) + note + utf8Length(s.tail);
  }

  /** The most rows that fit in `cap` characters (0 when even none fits). */
  shownWithin(cap: number): number {
    if (this.lengthAt(this.size) <= cap) return this.size;
    let lo = 0;
    let hi = this.size - 1;
    if (this.lengthAt(lo) > cap) return 0;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.lengthAt(mid) <= cap) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  render(shown: number): string {
    const s = this.section;
    if (shown >= this.size) return s.head + s.rows.join('') + s.tail;
    const head = shown > 0 ? s.head : s.emptyHead;
    return head + s.rows.slice(0, shown).join('') + s.note(this.size - shown, shown) + s.tail;
  }
}

/** Rows shown per section so that their total length stays within `budget`, longest cut first. */
function waterFill(sections: readonly Measured[], budget: number): number[] {
  const total = (cap: number): number => sections.reduce((sum, m) => sum + m.lengthAt(m.shownWithin(cap)), 0);
  let lo = 0;
  let hi = Math.max(0, ...sections.map((m) => m.lengthAt(m.size)));
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (total(mid) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return sections.map((m) => m.shownWithin(lo));
}

/**
 * Join the parts with newlines, folding sections so the result is at most `maxLength` UTF-8 bytes.
 * If fixed text alone is too long, the end is cut with `hardCutNote` (the result still fits).
 */
export function fitToLength(parts: readonly DocumentPart[], maxLength: number, hardCutNote: string): FitResult {
  const measured = new Map<FoldableSection, Measured>();
  for (const part of parts) if (isSection(part)) measured.set(part, new Measured(part));

  const assemble = (shown: ReadonlyMap<FoldableSection, number>, folded: boolean): string =>
    parts
      .map((part) => {
        if (typeof part === 'string') return part;
        if (!isSection(part)) return folded ? part.whenFolded : null;
        const m = measured.get(part) as Measured;
        return m.render(shown.get(part) ?? m.size);
      })
      .filter((text): text is string => text !== null)
      .join('\n');

  const normal = [...measured.values()].filter((m) => !m.section.lastResort);
  const lastResort = [...measured.values()].filter((m) => m.section.lastResort);
  const fixed = parts.reduce((sum, part) => {
    if (typeof part === 'string') return sum + utf8Length(part);
    return isSection(part) ? sum : sum + utf8Length(part.whenFolded);
  }, 0);
  const separators = parts.length - 1;
  const separatorsWhenUnfolded = parts.filter((part) => typeof part === 'string' || isSection(part)).length - 1;
  const lastResortFull = lastResort.reduce((sum, m) => sum + m.lengthAt(m.size), 0);
  const normalEmpty = normal.reduce((sum, m) => sum + m.lengthAt(0), 0);
  const normalFull = normal.reduce((sum, m) => sum + m.lengthAt(m.size), 0);
  const unfolded = parts.reduce((sum, part) => sum + (typeof part === 'string' ? utf8Length(part) : 0), 0);
  // Measured, not assembled: a plan of 100k actions would otherwise build a huge string to throw away.
  if (unfolded + separatorsWhenUnfolded + lastResortFull + normalFull <= maxLength) return { text: assemble(new Map(), false), folded: false };

  const shown = new Map<FoldableSection, number>();
  const normalBudget = maxLength - fixed - separators - lastResortFull;
  if (normalBudget >= normalEmpty) {
    waterFill(normal, normalBudget).forEach((k, i) => shown.set((normal[i] as Measured).section, k));
  } else {
    for (const m of normal) shown.set(m.section, 0);
    const lastBudget = maxLength - fixed - separators - normalEmpty;
    waterFill(lastResort, lastBudget).forEach((k, i) => shown.set((lastResort[i] as Measured).section, k));
  }

  const text = assemble(shown, true);
  if (utf8Length(text) <= maxLength) return { text, folded: true };
  const note = truncateUtf8(hardCutNote, maxLength);
  return { text: truncateUtf8(text, maxLength - utf8Length(note)) + note, folded: true };
}
