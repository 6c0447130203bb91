/** Small inline SVG charts drawn by hand, so the HTML report needs no library or CDN. */
import { fmtNumber } from '../format.ts';
import { escapeHtml } from './escape.ts';

export interface Series {
  name: string;
  points: { x: string; y: number }[];
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173'];

export function colorOf(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}

function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * p) return m * p;
  return 10 * p;
}

function tick(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e12) return `${(v / 1e12).toFixed(0)}T`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(0)}k`;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

const LEGEND_PER_ROW = 6;
const LEGEND_ROW_H = 16;

const dayOf = (iso: string) => Date.parse(iso.length === 7 ? `${iso}-01` : iso) / 86_400_000;

/** Line chart over dates (YYYY-MM-DD or YYYY-MM); one polyline and legend entry per series. */
export function lineChart(opts: { title: string; yLabel: string; series: Series[]; width?: number; height?: number }): string {
  const W = opts.width ?? 760;
  const series = opts.series.filter((s) => s.points.length);
  // the legend wraps at LEGEND_PER_ROW entries; each extra row makes the chart taller, never overlaps it
  const legendRows = Math.max(1, Math.ceil(series.length / LEGEND_PER_ROW));
  const H = (opts.height ?? 300) + (legendRows - 1) * LEGEND_ROW_H;
  const pad = { l: 64, r: 16, t: 28, b: 56 + (legendRows - 1) * LEGEND_ROW_H };
  const all = series.flatMap((s) => s.points);
  if (!all.length) return '';
  const xs = all.map((p) => dayOf(p.x));
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs) === x0 ? x0 + 1 : Math.max(...xs);
  const yMax = niceMax(Math.max(...all.map((p) => p.y)));
  const yMin = Math.min(0, ...all.map((p) => p.y));
  const sx = (d: number) => pad.l + ((d - x0) / (x1 - x0)) * (W - pad.l - pad.r);
  const sy = (v: number) => H - pad.b - ((v - yMin) / (yMax - yMin)) * (H - pad.t - pad.b);
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = yMin + ((yMax - yMin) * i) / 4;
    parts.push(`<line x1="${pad.l}" x2="${W - pad.r}" y1="${sy(v).toFixed(1)}" y2="${sy(v).toFixed(1)}" class="grid"/>`);
    parts.push(`<text x="${pad.l - 6}" y="${(sy(v) + 4).toFixed(1)}" text-anchor="end" class="tick">${tick(v)}</text>`);
  }
  const sortedX = all.map((p) => p.x).sort();
  const firstX = sortedX[0]!;
  const lastX = sortedX[sortedX.length - 1]!;
  parts.push(`<text x="${pad.l}" y="${H - pad.b + 16}" class="tick">${escapeHtml(firstX)}</text>`);
  parts.push(`<text x="${W - pad.r}" y="${H - pad.b + 16}" text-anchor="end" class="tick">${escapeHtml(lastX)}</text>`);
  // a mark at each new year in between, unless it would crowd the first or last date
  for (let y = Number(firstX.slice(0, 4)) + 1; y <= Number(lastX.slice(0, 4)); y++) {
    const x = sx(dayOf(`${y}-01-01`));
    if (x - pad.l < 80 || W - pad.r - x < 80) continue;
    parts.push(`<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${pad.t}" y2="${H - pad.b + 4}" class="grid"/>`);
    parts.push(`<text x="${x.toFixed(1)}" y="${H - pad.b + 16}" text-anchor="middle" class="tick">${y}</text>`);
  }
  series.forEach((s, i) => {
    const pts = [...s.points].sort((a, b) => a.x.localeCompare(b.x));
    const d = pts.map((p) => `${sx(dayOf(p.x)).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${d}" fill="none" stroke="${colorOf(i)}" stroke-width="2"><title>${escapeHtml(s.name)}</title></polyline>`);
    for (const p of pts) {
      parts.push(
        `<circle cx="${sx(dayOf(p.x)).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="2.5" fill="${colorOf(i)}"><title>${escapeHtml(`${s.name} ${p.x}: ${fmtNumber(p.y, 2)}`)}</title></circle>`,
      );
    }
    const lx = pad.l + (i % LEGEND_PER_ROW) * 115;
    const ly = H - pad.b + 38 + Math.floor(i / LEGEND_PER_ROW) * LEGEND_ROW_H;
    parts.push(`<rect x="${lx}" y="${ly - 8}" width="10" height="10" fill="${colorOf(i)}"/><text x="${lx + 14}" y="${ly + 1}" class="legend">${escapeHtml(s.name)}</text>`);
  });
  return svg(W, H, opts.title, opts.yLabel, parts);
}

/** Horizontal bars, optionally with a reference line (e.g. the current BTC price). */
export function barChart(opts: { title: string; yLabel: string; bars: { label: string; value: number; note?: string }[]; ref?: { value: number; label: string }; width?: number }): string {
  if (!opts.bars.length) return '';
  const W = opts.width ?? 760;
  const rowH = 22;
  const pad = { l: 90, r: 80, t: 28, b: 30 };
  const H = pad.t + pad.b + rowH * opts.bars.length;
  const max = niceMax(Math.max(...opts.bars.map((b) => b.value), opts.ref?.value ?? 0));
  const sx = (v: number) => pad.l + (Math.max(0, v) / max) * (W - pad.l - pad.r);
  const parts: string[] = [];
  opts.bars.forEach((b, i) => {
    const y = pad.t + i * rowH;
    parts.push(`<text x="${pad.l - 6}" y="${y + 15}" text-anchor="end" class="tick">${escapeHtml(b.label)}</text>`);
    parts.push(
      `<rect x="${pad.l}" y="${y + 3}" width="${(sx(b.value) - pad.l).toFixed(1)}" height="${rowH - 6}" fill="${colorOf(0)}"><title>${escapeHtml(`${b.label}: ${fmtNumber(b.value, 2)}${b.note ? ` (${b.note})` : ''}`)}</title></rect>`,
    );
    parts.push(`<text x="${(sx(b.value) + 4).toFixed(1)}" y="${y + 15}" class="tick">${tick(b.value)}</text>`);
  });
  if (opts.ref) {
    const x = sx(opts.ref.value).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${pad.t - 4}" y2="${H - pad.b + 4}" class="ref"/>`);
    parts.push(`<text x="${x}" y="${H - pad.b + 18}" text-anchor="middle" class="legend">${escapeHtml(opts.ref.label)}</text>`);
  }
  return svg(W, H, opts.title, opts.yLabel, parts);
}

function svg(W: number, H: number, title: string, yLabel: string, parts: string[]): string {
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}"><text x="8" y="18" class="ctitle">${escapeHtml(title)}</text><text x="${W - 8}" y="18" text-anchor="end" class="tick">${escapeHtml(yLabel)}</text>${parts.join('')}</svg></figure>`;
}
