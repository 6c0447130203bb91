/**
 * Issuer press-release listings → release links. Three kinds, configured per company in the
 * registry (Company.irFeeds): an RSS/Atom feed, an HTML news page read with CSS selectors, or
 * a JSON list. Pure: bytes in, items out; the fetching is in sources/sync.ts.
 */
import * as cheerio from 'cheerio';
import type { z } from 'zod';
import { ParseError } from '../../errors.ts';
import type { IrFeed } from '../../model/company.ts';

export type IrFeedConfig = z.infer<typeof IrFeed>;

export interface IrItem {
  url: string;
  title?: string;
  /** publication date, YYYY-MM-DD, when the listing gives one */
  date?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Listing dates as they come ("2024-06-04", "Jun 4, 2024", "Tue, 04 Jun 2024 12:00:00 GMT", "06/04/2024") → YYYY-MM-DD. */
export function toIsoDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.trim();
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return iso[0];
  const us = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(t);
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  // "04 Jun 2024" (RFC 822) or "June 4, 2024": read the calendar day as written, not shifted by a time zone
  const dmy = /\b(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})\b/.exec(t);
  const mdy = /\b([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(t);
  const [day, mon, year] = dmy ? [dmy[1], dmy[2], dmy[3]] : mdy ? [mdy[2], mdy[1], mdy[3]] : [];
  const m = mon ? MONTHS.indexOf(mon.toLowerCase()) : -1;
  if (day && year && m >= 0) return `${year}-${String(m + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return undefined;
}

function absolute(href: string | undefined, baseUrl: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), baseUrl).href;
  } catch {
    return undefined;
  }
}

/** RSS 2.0 (`item > link`, `pubDate`) and Atom (`entry > link[href]`, `published`/`updated`). */
export function parseRss(xml: string, baseUrl: string): IrItem[] {
  const $ = cheerio.load(xml, { xml: true });
  const out: IrItem[] = [];
  $('item, entry').each((_, el) => {
    const e = $(el);
    const link = e.children('link').first();
    const url = absolute(link.attr('href') ?? link.text(), baseUrl) ?? absolute(e.children('guid').text(), baseUrl);
    if (!url) return;
    const item: IrItem = { url };
    const title = e.children('title').first().text().trim();
    if (title) item.title = title;
    const date = toIsoDate(e.children('pubDate, published, updated, dc\\:date').first().text());
    if (date) item.date = date;
    out.push(item);
  });
  return out;
}

/** An HTML news page: one element per release (itemSelector), its link (linkSelector) and date (dateSelector: text or a datetime attribute). */
export function parseHtmlList(html: string, feed: Pick<IrFeedConfig, 'itemSelector' | 'linkSelector' | 'dateSelector'>, baseUrl: string): IrItem[] {
  const $ = cheerio.load(html);
  const out: IrItem[] = [];
  $(feed.itemSelector ?? 'article').each((_, el) => {
    const e = $(el);
    const a = e.find(feed.linkSelector ?? 'a').first();
    const url = absolute(a.attr('href'), baseUrl);
    if (!url) return;
    const item: IrItem = { url };
    const title = a.text().replace(/\s+/g, ' ').trim();
    if (title) item.title = title;
    if (feed.dateSelector) {
      const d = e.find(feed.dateSelector).first();
      const date = toIsoDate(d.attr('datetime') ?? d.text());
      if (date) item.date = date;
    }
    out.push(item);
  });
  return out;
}

/** A JSON list: an array, or one under items/data/news/GetPressReleaseListResult, of {title|headline, url|link, date|pubDate|releaseDate}. */
export function parseJsonList(text: string, baseUrl: string): IrItem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ParseError(`expected JSON (${(err as Error).message})`, { file: baseUrl });
  }
  const obj = raw as Record<string, unknown>;
  const list = Array.isArray(raw) ? raw : [obj.items, obj.data, obj.news, obj.GetPressReleaseListResult].find(Array.isArray);
  if (!Array.isArray(list)) throw new ParseError('no list of releases in the JSON', { file: baseUrl });
  const out: IrItem[] = [];
  for (const r of list as Record<string, unknown>[]) {
    const str = (...keys: string[]) => keys.map((k) => r[k]).find((v): v is string => typeof v === 'string');
    const url = absolute(str('url', 'link', 'LinkToDetailPage', 'href'), baseUrl);
    if (!url) continue;
    const item: IrItem = { url };
    const title = str('title', 'headline', 'Headline');
    if (title) item.title = title.trim();
    const date = toIsoDate(str('date', 'pubDate', 'releaseDate', 'PressReleaseDate'));
    if (date) item.date = date;
    out.push(item);
  }
  return out;
}

/** Listing bytes → items of the configured kind, kept when their title matches titleFilter (a case-insensitive regex). */
export function parseIrListing(bytes: Uint8Array, feed: IrFeedConfig, baseUrl: string = feed.url): IrItem[] {
  const text = Buffer.from(bytes).toString('utf8');
  const items = feed.kind === 'rss' ? parseRss(text, baseUrl) : feed.kind === 'json' ? parseJsonList(text, baseUrl) : parseHtmlList(text, feed, baseUrl);
  const filter = feed.titleFilter ? new RegExp(feed.titleFilter, 'i') : undefined;
  const seen = new Set<string>();
  return items.filter((i) => {
    if (seen.has(i.url)) return false;
    seen.add(i.url);
    return !filter || filter.test(i.title ?? '');
  });
}
