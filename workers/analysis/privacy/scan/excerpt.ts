/**
 * Examples from free text: a short excerpt around the identifier that was found, with that identifier and
 * every other one the patterns recognise in the excerpt masked.
 */
import type { FindingKind } from '../../../engine/api.js';
import { isValidResidentId } from './cn-resident-id.js';
import {
  BOUNDED_CN_MOBILE, BOUNDED_INTERNATIONAL_PHONE, BOUNDED_RESIDENT_ID, BOUNDED_SSN, DATE_OF_BIRTH, EMAIL, PHONE_DIGITS,
} from './content-patterns.js';
import { maskIdentifier } from './mask.js';

export interface IdentifierSpan {
  kind: FindingKind;
  start: number;
  end: number;
}

/** Characters of context kept on each side of the identifier. */
const CONTEXT = 12;

/** Pattern (identifier in group 1, or the whole match when the pattern has no group) and a validity test. */
const FINDERS: { kind: FindingKind; pattern: string; accept?: (text: string) => boolean }[] = [
  { kind: 'email', pattern: `(${EMAIL})` },
  { kind: 'national_id', pattern: BOUNDED_RESIDENT_ID, accept: (id) => isValidResidentId(id) },
  { kind: 'ssn', pattern: BOUNDED_SSN },
  { kind: 'phone', pattern: BOUNDED_CN_MOBILE },
  {
    kind: 'phone',
    pattern: BOUNDED_INTERNATIONAL_PHONE,
    accept: (phone) => {
      const digits = phone.replace(/\D/g, '').length;
      return digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max;
    },
  },
  { kind: 'birth_date', pattern: DATE_OF_BIRTH },
];

/** Every identifier the patterns find in `text`, in order, overlaps dropped (the earlier-listed kind wins). */
export function findIdentifiers(text: string): IdentifierSpan[] {
  const spans: IdentifierSpan[] = [];
  for (const finder of FINDERS) {
    const pattern = new RegExp(finder.pattern, 'gd');
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const [start, end] = match.indices![1]!;
      // The trailing boundary character may begin the next identifier ("a,b"): resume right after this one.
      pattern.lastIndex = end;
      if (finder.accept && !finder.accept(text.slice(start, end))) continue;
      if (!spans.some((s) => s.start < end && start < s.end)) spans.push({ kind: finder.kind, start, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * `… tel 138*******78, seen …`: the text around the first identifier of `kind`, white space collapsed, with
 * all identifiers masked; null when no identifier of that kind is found.
 */
export function maskedExcerpt(text: string, kind: FindingKind): string | null {
  const spans = findIdentifiers(text);
  const target = spans.find((s) => s.kind === kind);
  if (!target) return null;
  let masked = '';
  let at = 0;
  let targetStart = 0;
  let targetEnd = 0;
  for (const span of spans) {
    masked += text.slice(at, span.start);
    if (span === target) targetStart = masked.length;
    masked += maskIdentifier(text.slice(span.start, span.end), span.kind);
    if (span === target) targetEnd = masked.length;
    at = span.end;
  }
  masked += text.slice(at);
  const from = Math.max(0, targetStart - CONTEXT);
  const to = Math.min(masked.length, targetEnd + CONTEXT);
  const excerpt = masked.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${excerpt}${to < masked.length ? '…' : ''}`;
}
