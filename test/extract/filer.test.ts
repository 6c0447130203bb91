import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.ts';
import { inferFiler } from '../../src/extract/filer.ts';
import { parseText } from '../../src/parse/text.ts';
import { loadRegistry } from '../../src/registry/companies.ts';

const companies = loadRegistry();

describe('inferFiler', () => {
  it('names the issuer a release opens with', () => {
    // figures from CleanSpark's December 2023 update (prnewswire, 2024-01-03); wording ours
    const doc = parseText(
      'CleanSpark Reports December 2023 Bitcoin Mining Update\n\nHENDERSON, Nev., Jan. 3, 2024 -- CleanSpark, Inc. (Nasdaq: CLSK) published its monthly figures.\n\nBitcoin mined in December: 720\n\nBitcoin held at December 31: 3,002',
    );
    expect(inferFiler(doc, companies)?.ticker).toBe('CLSK');
    const facts = extractFacts(doc, { companies });
    expect(facts.filter((f) => f.confidence >= 0.5).every((f) => f.company === 'CLSK')).toBe(true);
  });

  it('names no issuer for an article about two miners equally', () => {
    const doc = parseText('Riot Platforms and CleanSpark both published updates. Riot mined more; CleanSpark held more. Riot and CleanSpark expand.');
    expect(inferFiler(doc, companies)).toBeUndefined();
  });
});
