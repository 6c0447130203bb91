/** Plain-text formatting shared by the models' sentences and the text renderers. */
import { grainOf, periodDays } from '../model/period.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A period as a reader says it. Fiscal quarters are named alongside calendar ones when the
 * fiscal year does not end in December (CleanSpark's Jan–Mar 2024 is its FY2024 Q2).
 */
export function periodLabel(start: string | null, end: string, fiscalYearEndMonth = 12): string {
  if (!start) return `at ${end}`;
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  switch (grainOf(start, end)) {
    case 'day':
      return start;
    case 'month':
      return `${MONTHS[m - 1]} ${y}`;
    case 'quarter': {
      const cal = `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
      if (fiscalYearEndMonth === 12) return cal;
      const fq = Math.floor((((m - 1 - fiscalYearEndMonth) % 12) + 12) % 12 / 3) + 1;
      const fy = m > fiscalYearEndMonth ? y + 1 : y;
      return `${cal} (FY${fy} Q${fq})`;
    }
    case 'year':
      return m === 1 ? `year ${y}` : `fiscal year to ${end}`;
    default: {
      const sameMonth = start.slice(0, 7) === end.slice(0, 7);
      if (sameMonth) return `${MONTHS[m - 1]} ${Number(start.slice(8))}–${Number(end.slice(8))}, ${y}`;
      return `${start} to ${end} (${Math.round(periodDays(start, end) / 30.44)} months)`;
    }
  }
}

// Intl formatters are costly to build; reports format tens of thousands of numbers
const formatters = new Map<string, Intl.NumberFormat>();
export function numberFormat(maxDigits: number, minDigits = 0): Intl.NumberFormat {
  const key = `${minDigits}/${maxDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDigits, minimumFractionDigits: minDigits });
    formatters.set(key, f);
  }
  return f;
}

export function fmtNumber(v: number, maxDigits = 2): string {
  return formatFixed(v, maxDigits, 0);
}

/**
 * en-US grouping with at most `maxDigits` decimals (and at least `minDigits`): the same text
 * as Intl.NumberFormat, several times faster. Like ICU, it rounds the shortest decimal that
 * reads back as the number (1.005 → 1.01), half away from zero. Zero, non-finite, tiny and
 * huge values go to Intl itself.
 */
export function formatFixed(v: number, maxDigits: number, minDigits = 0): string {
  const a = Math.abs(v);
  if (v === 0 || !(a >= 1e-6 && a < 1e15) || maxDigits > 20) return numberFormat(maxDigits, minDigits).format(v);
  const s = String(a);
  const dot = s.indexOf('.');
  let int = dot === -1 ? s : s.slice(0, dot);
  let frac = dot === -1 ? '' : s.slice(dot + 1);
  if (frac.length > maxDigits) {
    const up = frac.charCodeAt(maxDigits) >= 53; // '5'
    frac = frac.slice(0, maxDigits);
    if (up) {
      const digits = (int + frac).split('');
      let i = digits.length - 1;
      for (; i >= 0; i--) {
        if (digits[i] === '9') digits[i] = '0';
        else {
          digits[i] = String.fromCharCode(digits[i]!.charCodeAt(0) + 1);
          break;
        }
      }
      const joined = (i < 0 ? '1' : '') + digits.join('');
      int = joined.slice(0, joined.length - maxDigits);
      frac = joined.slice(joined.length - maxDigits);
    }
  }
  let end = frac.length;
  while (end > minDigits && frac.charCodeAt(end - 1) === 48) end--;
  frac = frac.slice(0, end).padEnd(minDigits, '0');
  if (int.length > 3) {
    let grouped = int.slice(0, int.length % 3 || 3);
    for (let i = grouped.length; i < int.length; i += 3) grouped += `,${int.slice(i, i + 3)}`;
    int = grouped;
  }
  return `${v < 0 ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

export function fmtBtc(v: number): string {
  return `${fmtNumber(v, 2)} BTC`;
}

/** $305 million, $9.4 million, $68,524 */
export function fmtUsd(v: number): string {
  const a = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  if (a >= 1e9) return `${sign}$${fmtNumber(a / 1e9, 2)} billion`;
  if (a >= 1e6) return `${sign}$${fmtNumber(a / 1e6, 1)} million`;
  return `${sign}$${fmtNumber(a, 0)}`;
}

/**
 * A price computed from a rounded amount ("about US$305 million" ÷ 4,451 BTC) carries no
 * more precision than that amount: $68.5k, not $68,524. Significant figures are those of
 * the amount as stated (305,000,000 → 3), never fewer than 3.
 */
export function fmtUsdAbout(v: number, fromAmount: number): string {
  const sig = Math.min(15, Math.max(3, significantDigits(fromAmount)));
  const r = Number(v.toPrecision(sig));
  if (sig <= 3 && Math.abs(r) >= 10_000) return `$${fmtNumber(r / 1000, 1)}k`;
  return `$${fmtNumber(r, 0)}`;
}

/** 305000000 → 3, 9500000 → 2, 2.43 → 3, 59000 → 2 */
export function significantDigits(n: number): number {
  if (!Number.isFinite(n) || n === 0) return 1;
  const digits = Math.abs(n).toPrecision(15).replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/** One decimal, or two significant places below 1% so a small share does not read as 0.0%. */
export function fmtPct(fraction: number, digits = 1): string {
  const pct = fraction * 100;
  if (pct !== 0 && Math.abs(pct) < 1) return `${pct.toPrecision(2).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}%`;
  return `${pct.toFixed(digits)}%`;
}

/** "in May 2024" but "over February 7–9, 2026" for a span that is not a calendar period. */
export function inPeriod(start: string | null, end: string, fiscalYearEndMonth = 12): string {
  const label = periodLabel(start, end, fiscalYearEndMonth);
  if (!start) return label;
  const g = grainOf(start, end);
  return `${g === 'month' || g === 'quarter' || g === 'year' ? 'in' : 'over'} ${label}`;
}

/** "up 12.3%" / "down 4.0%" / "unchanged" */
export function fmtChange(fraction: number): string {
  if (Math.abs(fraction) < 0.0005) return 'unchanged';
  return `${fraction > 0 ? 'up' : 'down'} ${fmtPct(Math.abs(fraction))}`;
}
