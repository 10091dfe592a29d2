import PDFDocument from 'pdfkit';

/** One block of the dossier: a heading, then lines (plain, labelled, or verbatim quotes). */
export type DossierLine =
  | { kind: 'text'; text: string }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'quote'; text: string }
  | { kind: 'mono'; text: string };
export type DossierSection = { heading: string; level?: 1 | 2; newPage?: boolean; lines: DossierLine[] };
export type DossierContent = {
  title: string;
  subtitle: string;
  /** The document's date, fixed by the record (not the clock), so the same review renders to the same bytes. */
  date: Date;
  /** Stable id of what is exported, for the PDF's metadata. */
  subject: string;
  cover: DossierLine[];
  sections: DossierSection[];
};

/**
 * The standard fonts speak Windows-1252 only: anything else becomes "?" explicitly, so the text a
 * reader extracts is predictable (the verbatim statements are in the review's data unchanged).
 */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export const printable = (text: string): string =>
  [...text]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if (ch === '\n' || ch === '\t') return ch;
      if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(ch)) return ch;
      return '?';
    })
    .join('');

const MARGIN = 56;

/** Renders the dossier: cover page, sections, and "Page i of n" on every page. Deterministic for the same content. */
export function renderDossierPdf(content: DossierContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    compress: true,
    info: {
      Title: printable(content.title),
      Subject: content.subject,
      Author: 'Defuse',
      Creator: 'Defuse',
      Producer: 'Defuse',
      CreationDate: content.date,
      ModDate: content.date,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const line = (l: DossierLine) => {
    switch (l.kind) {
      case 'text':
        doc.font('Helvetica').fontSize(10).text(printable(l.text));
        break;
      case 'field':
        doc
          .font('Helvetica-Bold')
          .fontSize(10)
          .text(`${printable(l.label)}: `, { continued: true })
          .font('Helvetica')
          .text(printable(l.value));
        break;
      case 'quote':
        doc.font('Helvetica-Oblique').fontSize(10).text(printable(l.text), { indent: 16 });
        break;
      case 'mono':
        doc.font('Courier').fontSize(7.5).text(printable(l.text));
        break;
    }
  };

  doc.moveDown(6);
  doc.font('Helvetica-Bold').fontSize(22).text(printable(content.title), { align: 'center' });
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(12).text(printable(content.subtitle), { align: 'center' });
  doc.moveDown(3);
  for (const l of content.cover) line(l);

  for (const section of content.sections) {
    if (section.newPage ?? section.level !== 2) doc.addPage();
    else doc.moveDown(1);
    doc
      .font('Helvetica-Bold')
      .fontSize(section.level === 2 ? 12 : 15)
      .text(printable(section.heading));
    doc.moveDown(0.4);
    for (const l of section.lines) line(l);
  }

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would start a new page; lift it while the footer is drawn.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(`Page ${i + 1} of ${count}`, MARGIN, doc.page.height - 36, { width: doc.page.width - 2 * MARGIN, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
