/** How a table value reads in the text formats (Markdown, HTML): number style and markers. */
import type { Cell, SourceRef } from './cells.ts';
import { fmtNumber, fmtPct, formatFixed } from './format.ts';
import type { ColKind, Value } from './tables.ts';

export function isCell(v: Value): v is Cell {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'value' in v;
}

export function isSources(v: Value): v is SourceRef[] {
  return Array.isArray(v);
}

/** The number (or text) behind a value, without markers. */
export function rawOf(v: Value): string | number | boolean | null {
  if (v === null) return null;
  if (isCell(v)) return v.value;
  if (isSources(v)) return v.map((s) => s.url ?? '').filter(Boolean).join(' ');
  return v;
}

export function markerOf(v: Value): string {
  if (!isCell(v) || v.value === null) return '';
  return `${v.conflicted ? '†' : ''}${v.derived ? '‡' : ''}`;
}

export function formatNumberAs(n: number, kind: ColKind): string {
  switch (kind) {
    case 'btc':
      return fmtNumber(n, 2);
    case 'usd':
      return Math.abs(n) >= 1e6 ? `$${fmtNumber(n / 1e6, 1)}m` : `$${fmtNumber(n, 0)}`;
    case 'usd_per_btc':
      return `$${fmtNumber(n, 0)}`;
    case 'pct':
      return fmtPct(n);
    case 'ehs':
      return fmtNumber(n, 2);
    case 'jth':
      return formatFixed(n, 2, 1);
    case 'mw':
      return fmtNumber(n, 0);
    case 'usd_kwh':
      return `$${n.toFixed(4)}`;
    case 'usd_ph_day':
      return `$${n.toFixed(2)}`;
    case 'difficulty':
      return `${(n / 1e12).toFixed(2)} T`;
    case 'int':
      return String(n);
    default:
      return fmtNumber(n, 4);
  }
}

/** Display text of a value (sources are rendered by each format, not here). */
export function displayOf(v: Value, kind: ColKind): string {
  const raw = rawOf(v);
  if (raw === null || raw === '') return '';
  if (typeof raw === 'number') return `${formatNumberAs(raw, kind)}${markerOf(v)}`;
  if (typeof raw === 'boolean') return raw ? 'yes' : 'no';
  return raw;
}

/** Short label for a source link: "6-K 2026-02-09" or the host name. */
export function sourceLabel(s: SourceRef): string {
  const parts = [s.form, s.filedDate].filter(Boolean);
  if (parts.length) return parts.join(' ');
  if (s.url) {
    try {
      return new URL(s.url).hostname.replace(/^www\./, '');
    } catch {
      return s.url.split('/').pop() ?? 'source';
    }
  }
  return `fact ${s.factId}`;
}
