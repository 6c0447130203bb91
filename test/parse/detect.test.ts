import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, detectFormat } from '../../src/parse/detect.ts';

describe('detectFormat', () => {
  it('decides from the bytes', () => {
    expect(detectFormat(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(detectFormat(Buffer.from('junk before\n%PDF-1.4\n'))).toBe('pdf');
    expect(detectFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe('xlsx');
    expect(detectFormat(Buffer.from('\ufeff  <!DOCTYPE html><html></html>'))).toBe('html');
    expect(detectFormat(Buffer.from('plain words\n'))).toBe('text');
    expect(detectFormat(Buffer.from([0x41, 0x00, 0x42]))).toBeUndefined();
  });
});

describe('decodeText', () => {
  it('keeps valid UTF-8 and drops a BOM', () => {
    expect(decodeText(Buffer.from('\ufeffcafé – €'))).toEqual({ text: 'café – €', encoding: 'utf-8' });
  });

  it('falls back to windows-1252, including the 0x80–0x9F punctuation latin1 lacks', () => {
    const bytes = Buffer.from([0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x99, 0x20, 0xe9]);
    expect(decodeText(bytes)).toEqual({ text: '“q” – €5 ™ é', encoding: 'windows-1252' });
    // the code page's five undefined bytes stay C1 controls, as the WHATWG decoder maps them
    expect(decodeWindows1252(Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe('\u0081\u008d\u008f\u0090\u009d');
  });
});
