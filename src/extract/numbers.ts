/**
 * Number reading for figures as miners print them: "1,234.5", "(1,234)", "$305 million",
 * "US$23.6k", "-" / "–" for zero, "N/A". Pure string → value; scale words are applied here,
 * table-level scale ("in thousands") is applied by the caller that knows the table.
 */

export interface ParsedNumber {
  value: number;
  /** multiplier already applied from a scale word next to the number (million → 1e6) */
  scale: number;
  /** the number was written as a dash meaning zero */
  dashZero: boolean;
  /** "approximately", "~", "about", "over" */
  approximate: boolean;
  /** a leading footnote digit was split off a number glued to a word ("Held17,327" → 7,327) */
  footnoteSplit: boolean;
  /** had a currency sign */
  currency: boolean;
  percent: boolean;
}

const DASHES = /^[-–—−]+$/;
const NA = /^(n\/?a|n\/m|nm|nil|none|not applicable)$/i;

export const SCALE_WORDS: Record<string, number> = {
  thousand: 1e3,
  thousands: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  mn: 1e6,
  mm: 1e6,
  m: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  b: 1e9,
};

/** A number token with thousands separators that are well formed, or a plain decimal. */
export const NUMBER_RE = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+/;

/** True when "12,34" style grouping is broken, which means digits were glued together. */
export function wellGrouped(token: string): boolean {
  const intPart = token.split('.')[0] ?? '';
  if (!intPart.includes(',')) return true;
  return /^\d{1,3}(,\d{3})+$/.test(intPart);
}

/**
 * Parses one table cell or a short value string. Returns undefined for empty, N/A and text.
 * `glued` says the token directly followed a letter (a flattened "Held17,327"): the leading digit
 * is then taken as a footnote marker when what remains is still a well-formed number.
 */
export function parseNumber(raw: string, opts: { glued?: boolean } = {}): ParsedNumber | undefined {
  let s = raw.trim();
  if (!s) return undefined;
  if (NA.test(s)) return undefined;
  if (DASHES.test(s) || /^\$\s*[-–—]$/.test(s)) {
    return { value: 0, scale: 1, dashZero: true, approximate: false, footnoteSplit: false, currency: s.includes('$'), percent: false };
  }
  let approximate = false;
  if (/^(~|≈|approx\.?|approximately|about|around|over|nearly|roughly|circa)\s*/i.test(s)) {
    approximate = true;
    s = s.replace(/^(~|≈|approx\.?|approximately|about|around|over|nearly|roughly|circa)\s*/i, '');
  }
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1]!.trim();
  }
  if (/^[-−]\s*[$\d]/.test(s)) {
    negative = true;
    s = s.replace(/^[-−]\s*/, '');
  }
  let currency = false;
  const cur = /^(US\$|USD|\$|C\$|CAD|A\$)\s*/i.exec(s);
  if (cur) {
    currency = true;
    s = s.slice(cur[0].length);
  }
  const paren2 = /^\((.*)\)$/.exec(s);
  if (paren2) {
    negative = true;
    s = paren2[1]!.trim();
  }
  const m = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(%|[a-z]+)?\.?\s*$/i.exec(s);
  if (!m) return undefined;
  let token = m[1]!;
  const suffix = (m[2] ?? '').toLowerCase();
  let footnoteSplit = false;
  if (opts.glued && token.length > 1) {
    const rest = token.slice(1);
    if (/^[1-9]/.test(rest) && wellGrouped(rest) && (token.includes(',') ? !wellGrouped(token) || rest.includes(',') : false)) {
      token = rest;
      footnoteSplit = true;
    }
  }
  if (!wellGrouped(token)) return undefined;
  let value = Number(token.replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  let scale = 1;
  let percent = false;
  if (suffix === '%') percent = true;
  else if (suffix) {
    const sc = SCALE_WORDS[suffix];
    if (sc === undefined) return undefined;
    scale = sc;
  }
  value *= scale;
  if (negative) value = -value;
  return { value, scale, dashZero: false, approximate, footnoteSplit, currency, percent };
}

/** Rounds away float noise from scaling (305 × 1e6, 0.043 / 100). */
export function tidy(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

/** Decimal places printed, so tolerance can follow the document's own rounding. */
export function decimalsOf(token: string): number {
  const i = token.indexOf('.');
  return i < 0 ? 0 : token.length - i - 1;
}
