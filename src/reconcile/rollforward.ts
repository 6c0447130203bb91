import { allowedDifference } from './tolerance.ts';
import type { CanonicalValue, Finding } from './types.ts';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// one formatter: toLocaleString builds a new one per call, which dominated large runs
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

function fmt(v: number): string {
  return NUMBER.format(v);
}

/** A flow component of the roll-forward: one canonical value, or the sum of shorter ones tiling the period. */
interface Component {
  value: number;
  parts: CanonicalValue[];
}

function term(label: string, c: Component | undefined): string {
  if (!c) return `${label} not stated`;
  const only = c.parts.length === 1 ? c.parts[0]! : undefined;
  const note = only ? (only.derived ? ' (derived)' : '') : ` (sum of ${c.parts.length} periods)`;
  return `${label} ${fmt(c.value)}${note}`;
}

function ids(...items: (CanonicalValue | Component | undefined)[]): number[] {
  const out = new Set<number>();
  for (const it of items) {
    if (!it) continue;
    for (const cv of 'parts' in it ? it.parts : [it]) {
      if (cv.derived) for (const i of cv.inputs ?? []) out.add(i.factId);
      else out.add(cv.fact.id);
    }
  }
  return [...out];
}

/**
 * The flow for exactly [start, end]: stated or derived for that period, else the sum of
 * consecutive shorter periods that tile it (three months for a quarter), longest first.
 */
function componentFor(flows: Map<string, CanonicalValue>, start: string, end: string): Component | undefined {
  const exact = flows.get(`${start}..${end}`);
  if (exact) return { value: exact.value, parts: [exact] };
  const parts: CanonicalValue[] = [];
  let cursor = start;
  while (cursor <= end) {
    const next = [...flows.values()]
      .filter((cv) => cv.periodStart === cursor && cv.periodEnd! <= end)
      .sort((a, b) => b.periodEnd!.localeCompare(a.periodEnd!))[0];
    if (!next) return undefined;
    parts.push(next);
    if (next.periodEnd === end) return { value: parts.reduce((s, p) => s + p.value, 0), parts };
    cursor = addDays(next.periodEnd!, 1);
  }
  return undefined;
}

/**
 * Holdings roll forward: held at the end ≈ held at the start + produced + purchased − sold.
 * Companies move BTC in ways the vocabulary does not carry (exchanges into other assets,
 * payments for services, collateral posted and returned), so an unexplained difference is a
 * warning that names what was not stated, never an error. A sale larger than what the
 * company could have had (held at start + produced + purchased) is an error when production
 * is stated: it usually means a year-to-date sale was read as a quarter's.
 */
export function rollForwardFindings(canonical: readonly CanonicalValue[]): Finding[] {
  const findings: Finding[] = [];
  const byCompany = new Map<string, CanonicalValue[]>();
  for (const cv of canonical) {
    if (cv.basis !== '') continue;
    const list = byCompany.get(cv.companyTicker);
    if (list) list.push(cv);
    else byCompany.set(cv.companyTicker, [cv]);
  }
  for (const [ticker, list] of byCompany) {
    const held = new Map<string, CanonicalValue>();
    const flows = { btc_produced: new Map<string, CanonicalValue>(), btc_sold: new Map<string, CanonicalValue>(), btc_purchased: new Map<string, CanonicalValue>() };
    for (const cv of list) {
      if (cv.metric === 'btc_held' && cv.asOf) held.set(cv.asOf, cv);
      else if (cv.metric in flows && cv.periodStart && cv.periodEnd) flows[cv.metric as keyof typeof flows].set(cv.periodKey, cv);
    }
    const periods = new Map<string, { start: string; end: string }>();
    for (const m of [flows.btc_produced, flows.btc_sold]) for (const cv of m.values()) periods.set(cv.periodKey, { start: cv.periodStart!, end: cv.periodEnd! });

    for (const [key, { start, end }] of [...periods].sort((a, b) => a[0].localeCompare(b[0]))) {
      const opening = held.get(addDays(start, -1));
      const closing = held.get(end);
      if (!opening) continue;
      const produced = componentFor(flows.btc_produced, start, end);
      const sold = componentFor(flows.btc_sold, start, end);
      const purchased = componentFor(flows.btc_purchased, start, end);

      if (sold) {
        const available = opening.value + (produced?.value ?? 0) + (purchased?.value ?? 0);
        if (sold.value > available + allowedDifference('btc_held', available)) {
          findings.push({
            kind: 'sold_exceeds_available',
            severity: produced ? 'error' : 'warning',
            companyTicker: ticker,
            metric: 'btc_sold',
            periodKey: key,
            message:
              `sold ${fmt(sold.value)} BTC in ${key} but had at most ${fmt(available)} ` +
              `(held at start ${fmt(opening.value)} + ${term('produced', produced)} + ${term('purchased', purchased)})` +
              (produced ? '; is a year-to-date figure read as this period?' : '; production for the period is not stated'),
            factIds: ids(sold, opening, produced, purchased),
          });
        }
      }

      if (!closing) continue;
      const expected = opening.value + (produced?.value ?? 0) + (purchased?.value ?? 0) - (sold?.value ?? 0);
      const unexplained = closing.value - expected;
      if (Math.abs(unexplained) <= allowedDifference('btc_held', closing.value) + 1e-9) continue;
      const missing = [!produced && 'production', !sold && 'sales', !purchased && 'purchases'].filter(Boolean);
      findings.push({
        kind: 'rollforward',
        severity: 'warning',
        companyTicker: ticker,
        metric: 'btc_held',
        periodKey: key,
        message:
          `held ${fmt(closing.value)} BTC at ${end}; held ${fmt(opening.value)} at ${opening.asOf} + ${term('produced', produced)} ` +
          `+ ${term('purchased', purchased)} − ${term('sold', sold)} gives ${fmt(expected)}: ${fmt(Math.round(unexplained * 1e6) / 1e6)} BTC unexplained` +
          ` (${missing.length ? `${missing.join(', ')} not stated; ` : ''}other movements such as exchanges, payments in BTC or collateral are not tracked)`,
        factIds: ids(closing, opening, produced, sold, purchased),
      });
    }
  }
  return findings;
}
