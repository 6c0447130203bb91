/** EDGAR URLs, built in one place. CIKs are 10-digit zero-padded; folder paths use the unpadded CIK and the accession without dashes. */

export const padCik = (cik: string | number): string => String(cik).replace(/^CIK/i, '').replace(/^0+/, '').padStart(10, '0');
const bareCik = (cik: string | number): string => String(Number(padCik(cik)));
export const accessionNoDashes = (acc: string): string => acc.replace(/-/g, '');

export const edgarUrls = {
  tickers: () => 'https://www.sec.gov/files/company_tickers.json',
  submissions: (cik: string | number) => `https://data.sec.gov/submissions/CIK${padCik(cik)}.json`,
  /** an older page named in submissions `files[]` */
  submissionsPage: (name: string) => `https://data.sec.gov/submissions/${name}`,
  filingFolder: (cik: string | number, acc: string) => `https://www.sec.gov/Archives/edgar/data/${bareCik(cik)}/${accessionNoDashes(acc)}/`,
  filingIndexJson: (cik: string | number, acc: string) => `${edgarUrls.filingFolder(cik, acc)}index.json`,
  filingIndexHtm: (cik: string | number, acc: string) => `${edgarUrls.filingFolder(cik, acc)}${acc}-index.htm`,
  document: (cik: string | number, acc: string, name: string) => `${edgarUrls.filingFolder(cik, acc)}${name}`,
  companyFacts: (cik: string | number) => `https://data.sec.gov/api/xbrl/companyfacts/CIK${padCik(cik)}.json`,
  fullTextSearch: (q: { q: string; forms?: readonly string[]; ciks?: readonly string[]; startdt?: string; enddt?: string; from?: number }) => {
    const p = new URLSearchParams({ q: q.q });
    if (q.forms?.length) p.set('forms', q.forms.join(','));
    if (q.ciks?.length) p.set('ciks', q.ciks.map(padCik).join(','));
    if (q.startdt || q.enddt) {
      p.set('dateRange', 'custom');
      if (q.startdt) p.set('startdt', q.startdt);
      if (q.enddt) p.set('enddt', q.enddt);
    }
    if (q.from) p.set('from', String(q.from));
    return `https://efts.sec.gov/LATEST/search-index?${p.toString()}`;
  },
};
