/** HTML escaping for text and attribute values; scraped snippets pass through here. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;

export function escapeHtml(s: string): string {
  // most cells are numbers and plain words: test once instead of five replaces
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (ch) => ENTITIES[ch]!) : s;
}

/** Only http(s) links become hrefs: a `javascript:` URL in a document must not be clickable. */
export function safeHref(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? escapeHtml(url) : null;
}
