import type { z } from 'zod';
import type { FullTextSearch } from './schemas.ts';

export interface FullTextHit {
  accession: string;
  cik: string;
  form: string;
  fileDate: string;
  fileName: string;
  fileType?: string;
  periodEnding?: string;
}

/** EFTS hits → one row per matching file (`_id` is "{accession}:{file name}"). */
export function readFullTextHits(res: z.infer<typeof FullTextSearch>): FullTextHit[] {
  return res.hits.hits.map((h) => {
    const s = h._source;
    const fileName = h._id.includes(':') ? h._id.slice(h._id.indexOf(':') + 1) : '';
    const hit: FullTextHit = { accession: s.adsh, cik: s.ciks[0] ?? '', form: s.form, fileDate: s.file_date, fileName };
    if (s.file_type) hit.fileType = s.file_type;
    if (s.period_ending) hit.periodEnding = s.period_ending;
    return hit;
  });
}
