import type { LineNote } from './line-notes.js';

type Note = LineNote & { line: number };

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const at = (note: Note) => `line ${note.line.toLocaleString('en-US')}`;
const example = (note: Note) => (note.detail ? `, ${JSON.stringify(note.detail.slice(0, 40))}` : '');

/** One sentence per kind of repaired problem, saying what was done and where it was first seen. */
const MESSAGES: Record<string, (note: Note, key: string) => string> = {
  'blank-line': (n) => `${count(n.count, 'blank line')} skipped (first at ${at(n)})`,
  'header-line-in-data': (n) => `${count(n.count, 'line')} starting with # after the #CHROM line skipped (first at ${at(n)})`,
  'no-ref': (n) => `${count(n.count, 'record')} without a REF allele kept (first at ${at(n)})`,
  unsorted: (n) => `the records are not sorted by position (first out of order at ${at(n)}, ${n.detail}); they are kept in file order`,
  'bad-qual': (n) => `${count(n.count, 'QUAL value')} that ${n.count === 1 ? 'is' : 'are'} not a number stored as NULL (first at ${at(n)}${example(n)})`,
  'no-genotype-columns': (n) => `${count(n.count, 'record')} without FORMAT and sample columns: their calls are stored as unknown (byte 0) (first at ${at(n)})`,
  'gt-not-first': (n) => `GT is not the first FORMAT key (first at ${at(n)}); read anyway`,
  'undeclared-format': (n, key) => `FORMAT ${key} is used but not declared in the header (first at ${at(n)}); read anyway`,
  'bad-dp-gq': (n) => `${count(n.count, 'DP or GQ value')} that ${n.count === 1 ? 'is' : 'are'} not a number stored as NULL`,
  'info-count': (n, key) => `INFO ${key} has the wrong number of values for its Number in ${count(n.count, 'record')}; stored as NULL (first at ${at(n)})`,
  'info-bad-value': (n, key) => `INFO ${key}: ${count(n.count, 'value')} that ${n.count === 1 ? 'does' : 'do'} not fit its Type (or a reserved Integer) stored as NULL (first at ${at(n)}${example(n)})`,
  'info-flag-value': (n, key) => `INFO ${key} is a Flag but has a value in ${count(n.count, 'record')}; read as present (first at ${at(n)}${example(n)})`,
  'no-final-newline': (n) => `the last line (${at(n)}) does not end with a newline; it was read anyway`,
  'gt-without-alt': (n) => `${count(n.count, 'record')} without ALT (.) ${n.count === 1 ? 'has' : 'have'} genotypes naming an ALT allele; those alleles count as called, not as copies of an ALT (first at ${at(n)})`,
  'format-count': (n, key) => `FORMAT ${key} has the wrong number of values for its Number and the call's ploidy in ${count(n.count, 'record')} (first at ${at(n)}${example(n)}); it is not stored`,
  'info-no-value': (n, key) => `INFO ${key} appears without a value in ${count(n.count, 'record')}; stored as NULL (first at ${at(n)})`,
  'annotation-unmatched': (n, key) => `${count(n.count, 'record')} with ${key} entries whose allele matches none of the ALT alleles; those entries are left out (first at ${at(n)})`,
};

/** The warnings of an import from the parser's notes. */
export function noteWarnings(notes: Note[]): string[] {
  return notes.map((note) => {
    const colon = note.kind.indexOf(':');
    const kind = colon < 0 ? note.kind : note.kind.slice(0, colon);
    const key = colon < 0 ? '' : note.kind.slice(colon + 1);
    const message = MESSAGES[kind];
    return message ? message(note, key) : `${note.kind}: ${count(note.count, 'line')} (first at ${at(note)})`;
  });
}
