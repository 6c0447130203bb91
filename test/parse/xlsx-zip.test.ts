import { describe, expect, it } from 'vitest';
import { inspectZip, verifyZipInflation } from '../../src/parse/xlsx.ts';
import { buildZip } from '../hostile/_zip.ts';

const entry = (name: string, text: string) => ({ name, data: Buffer.from(text) });

describe('inspectZip', () => {
  it('lists parts with their declared sizes and data offsets', () => {
    const zip = buildZip([entry('a.xml', '<a/>'), { ...entry('b.txt', 'stored text'), method: 0 }]);
    const list = inspectZip(zip);
    expect(list.map((e) => [e.name, e.method, e.declaredBytes])).toEqual([
      ['a.xml', 8, 4],
      ['b.txt', 0, 11],
    ]);
    expect(zip.subarray(list[1]!.dataOffset, list[1]!.dataOffset + 11).toString()).toBe('stored text');
    expect(() => verifyZipInflation(zip, list)).not.toThrow();
  });

  it('applies the per-part, total and part-count caps', () => {
    const zip = buildZip([entry('a', 'x'.repeat(100)), entry('b', 'y'.repeat(100))]);
    expect(() => inspectZip(zip, { maxEntryBytes: 99, maxTotalBytes: 1000, maxEntries: 10 })).toThrow(/"a" would inflate to 100 bytes, over the 99-byte cap/);
    expect(() => inspectZip(zip, { maxEntryBytes: 100, maxTotalBytes: 150, maxEntries: 10 })).toThrow(/over 150 bytes in all/);
    expect(() => inspectZip(zip, { maxEntryBytes: 100, maxTotalBytes: 1000, maxEntries: 1 })).toThrow(/2 parts, over the 1-part cap/);
  });

  it('trusts the larger of the directory and local-header sizes, as xlsx reads the local one', () => {
    const zip = buildZip([entry('a', 'x'.repeat(10))]);
    // local header says 5000 while the directory says 10
    zip.writeUInt32LE(5000, 22);
    expect(inspectZip(zip)[0]!.declaredBytes).toBe(5000);
  });

  it('catches a part that inflates past its declared size', () => {
    const zip = buildZip([{ ...entry('a', 'z'.repeat(10_000)), declaredSize: 10 }]);
    expect(() => verifyZipInflation(zip, inspectZip(zip))).toThrow(/"a" inflates past its declared 10 bytes/);
  });

  it('says what is missing in a damaged container', () => {
    const zip = buildZip([entry('a', 'x')]);
    expect(() => inspectZip(zip.subarray(0, 10))).toThrow(/no zip end-of-directory record/);
    const noLocal = Buffer.from(zip);
    noLocal.writeUInt32LE(0, 0);
    expect(() => inspectZip(noLocal)).toThrow(/"a" has no local header/);
  });
});
