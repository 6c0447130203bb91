/**
 * Hand-built PDFs: a valid text PDF with a correct xref (one page or several), and an encrypted
 * variant. Hostile-input tests truncate and corrupt them; the benchmark fills them with fixture text.
 */

function escapePdfString(s: string): string {
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** A one-page PDF whose page shows `lines` in Helvetica. */
export function buildPdf(lines: string[], opts: { encrypt?: boolean } = {}): Buffer {
  return buildPdfPages([lines], opts);
}

/** A PDF with one page per entry of `pages`, each showing its lines top to bottom. */
export function buildPdfPages(pages: string[][], opts: { encrypt?: boolean } = {}): Buffer {
  const n = pages.length;
  // objects: 1 catalog, 2 pages, 3 font, then per page: page, content
  const pageObj = (i: number) => 4 + 2 * i;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageObj(i)} 0 R`).join(' ')}] /Count ${n} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  pages.forEach((lines, i) => {
    const content = ['BT', '/F1 10 Tf', '12 TL', '56 760 Td', ...lines.map((l) => `(${escapePdfString(l)}) Tj T*`), 'ET'].join('\n');
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${pageObj(i) + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    objects.push(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  });
  if (opts.encrypt) {
    // the standard security handler, RC4 40-bit, with owner/user hashes that match no password:
    // a reader must ask for one
    const o = 'a1'.repeat(32);
    const u = 'b2'.repeat(32);
    objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${o}> /U <${u}> /P -44 >>`);
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  const id = '0123456789abcdef0123456789abcdef';
  const encrypt = opts.encrypt ? ` /Encrypt ${objects.length} 0 R /ID [<${id}> <${id}>]` : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
