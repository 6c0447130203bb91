import { describe, expect, it } from 'vitest';
import { inferPublished } from '../../src/extract/dateline.ts';
import { parseText } from '../../src/parse/text.ts';

describe('inferPublished', () => {
  it('reads a wire dateline', () => {
    // CleanSpark's October 2023 update was dated Nov. 2, 2023 on PR Newswire; wording ours
    expect(inferPublished(parseText('LAS VEGAS, Nov. 2, 2023 /PRNewswire/ -- CleanSpark published its October figures.'))).toBe('2023-11-02');
    expect(inferPublished(parseText('SYDNEY, Australia, Jan. 6, 2025 (GLOBE NEWSWIRE) -- IREN published its update.'))).toBe('2025-01-06');
  });

  it('does not take a period end in the story for the publication date', () => {
    expect(inferPublished(parseText('The company mined 633 bitcoin in the month ended October 31, 2023.'))).toBeUndefined();
  });
});
