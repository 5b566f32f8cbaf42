// A thin layout layer over pdfkit shared by every PDF Tocsin prints (paper kit, incident report):
// A4 pages, headings, paragraphs, bullet lists and tables that repeat their header across pages,
// and a footer on every page with the document title, page numbers and the EXERCISE marking.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { dejaVuFonts, type PdfFonts } from './fonts';

export interface PdfWriterOptions {
  readonly title: string;
  readonly author?: string;
  readonly language: 'fr' | 'en';
  /** Printed on every page, in large letters, when the document comes from an exercise workspace. */
  readonly exerciseMark?: string;
  /** Left part of every footer, e.g. the organisation and the print date. */
  readonly footer: string;
  /** Running header printed at the top of every page but the first (the cover). */
  readonly header?: string;
  /** Fixed creation date, so the same input gives the same PDF (tests, reproducible exports). */
  readonly createdAt: Date;
  readonly fonts?: PdfFonts;
}

export interface TableColumn {
  readonly header: string;
  /** Share of the content width. */
  readonly width: number;
  readonly bold?: boolean;
}

const MARGIN = 50;
const FOOTER_SPACE = 36;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#b0b0b0';
const HEADER_FILL = '#e8e8e8';
const EXERCISE_RED = '#c0392b';
const TABLE_SIZE = 9;
const MIN_TABLE_SIZE = 6;
/** A word of a language, possibly with an apostrophe, hyphen or closing punctuation. */
const WORD = /^[(«“]?[\p{L}][\p{L}’'-]*[\p{L}][.,;:!?)»”]?$/u;
/** A web or e-mail address. */
const LINK = /^(?:https?:\/\/\S+|[^\s@]+@[^\s@]+\.[^\s@]+)$/;
/** Where an address may be cut: after these characters, so a host name's labels stay whole ("twitter." / "com/…"). */
const LINK_BREAK = /(?<=[/?&=.#_@-])/;

/**
 * svg-to-pdfkit sizes an SVG by its own width and height attributes (in px, drawn larger than the box asked
 * for) and ignores the box: without them the viewBox is scaled to the box, so text after it lands below it.
 */
const fitToBox = (svg: string): string => svg.replace(/^<svg\b[^>]*>/, (root) => root.replace(/\s(?:width|height)="[^"]*"/g, ''));

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly #options: PdfWriterOptions;
  #currentIndex = 0;

  constructor(options: PdfWriterOptions) {
    this.#options = options;
    const fonts = options.fonts ?? dejaVuFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: options.exerciseMark || options.header ? MARGIN + 18 : MARGIN, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
      bufferPages: true,
      autoFirstPage: true,
      lang: options.language,
      displayTitle: true,
      info: {
        Title: options.title,
        Author: options.author ?? 'Tocsin',
        Creator: 'Tocsin',
        Producer: 'Tocsin (pdfkit)',
        CreationDate: options.createdAt,
        ModDate: options.createdAt,
      },
    });
    this.doc.registerFont('regular', fonts.regular);
    this.doc.registerFont('bold', fonts.bold);
    this.doc.registerFont('italic', fonts.italic);
    this.doc.font('regular').fontSize(10).fillColor(INK);
  }

  get contentWidth(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  get #bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless the current one still has `height` points free. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.#bottom) this.doc.addPage();
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** 1-based number of the page being written, for a table of contents. */
  get pageNumber(): number {
    const { start, count } = this.doc.bufferedPageRange();
    return start + count;
  }

  /** Goes back to an earlier page (1-based) to fill in what was only known later, e.g. the contents. */
  goToPage(page: number, y: number): void {
    this.doc.switchToPage(page - 1);
    this.doc.x = MARGIN;
    this.doc.y = y;
  }

  /**
   * Draws an SVG (a server-rendered chart) as vectors at the current position, scaled to the content width.
   * Text in the SVG is set in the embedded fonts, so chart labels keep their accents.
   */
  svg(svg: string, aspect: number): void {
    const width = this.contentWidth;
    const height = width * aspect;
    this.ensureSpace(height + 8);
    const y = this.doc.y;
    SVGtoPDF(this.doc, fitToBox(svg), MARGIN, y, {
      width,
      height,
      assumePt: false,
      fontCallback: (_family: string, bold: boolean, italic: boolean) => (bold ? 'bold' : italic ? 'italic' : 'regular'),
    });
    this.doc.x = MARGIN;
    this.doc.y = y + height + 8;
    this.doc.font('regular').fontSize(10).fillColor(INK);
  }

  title(text: string, subtitle?: string): void {
    this.doc.font('bold').fontSize(24).fillColor(INK).text(text, MARGIN, this.doc.y, { width: this.contentWidth });
    if (subtitle) this.doc.moveDown(0.3).font('regular').fontSize(13).fillColor(MUTED).text(subtitle, { width: this.contentWidth });
    this.doc.moveDown(1).fillColor(INK);
  }

  heading(text: string, level: 1 | 2 | 3 = 1): void {
    const size = level === 1 ? 16 : level === 2 ? 13 : 11;
    this.ensureSpace(size * 3);
    this.doc.moveDown(level === 1 ? 0.8 : 0.5);
    this.doc.font('bold').fontSize(size).fillColor(INK).text(text, MARGIN, this.doc.y, { width: this.contentWidth });
    if (level === 1) {
      const y = this.doc.y + 2;
      this.doc.moveTo(MARGIN, y).lineTo(MARGIN + this.contentWidth, y).lineWidth(1).strokeColor(INK).stroke();
      this.doc.moveDown(0.4);
    }
    this.doc.moveDown(0.2).font('regular').fontSize(10);
  }

  paragraph(text: string, options: { italic?: boolean; muted?: boolean; size?: number } = {}): void {
    const font = options.italic ? 'italic' : 'regular';
    this.doc.font(font).fontSize(options.size ?? 10).fillColor(options.muted ? MUTED : INK);
    this.ensureSpace(this.doc.heightOfString(text, { width: this.contentWidth }));
    this.doc.text(text, MARGIN, this.doc.y, { width: this.contentWidth });
    this.doc.moveDown(0.4).fillColor(INK).font('regular').fontSize(10);
  }

  /** A labelled block of text kept on one page when it fits (a statement, a mission). */
  block(label: string, text: string): void {
    this.doc.font('regular').fontSize(10);
    const height = this.doc.heightOfString(text, { width: this.contentWidth - 12 }) + 30;
    this.ensureSpace(Math.min(height, this.#bottom - this.doc.page.margins.top));
    this.doc.font('bold').fontSize(10.5).text(label, MARGIN, this.doc.y, { width: this.contentWidth });
    this.doc.moveDown(0.2);
    const top = this.doc.y;
    this.doc.font('regular').fontSize(10).text(text, MARGIN + 12, top, { width: this.contentWidth - 12 });
    this.doc.moveTo(MARGIN + 3, top).lineTo(MARGIN + 3, this.doc.y).lineWidth(2).strokeColor(RULE).stroke();
    this.doc.moveDown(0.8);
  }

  bullets(items: readonly string[], indent = 0): void {
    this.doc.font('regular').fontSize(10).fillColor(INK);
    for (const item of items) {
      const x = MARGIN + indent;
      const width = this.contentWidth - indent - 12;
      this.ensureSpace(this.doc.heightOfString(item, { width }) + 2);
      const y = this.doc.y;
      this.doc.text('•', x, y, { width: 10 });
      this.doc.text(item, x + 12, y, { width });
      this.doc.moveDown(0.15);
    }
    this.doc.moveDown(0.3);
  }

  /** Rows are split across pages between rows, never inside one; the header repeats on each page. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], options: { header?: boolean } = {}): void {
    const steps = this.#tableSteps(columns, rows, options, Number.POSITIVE_INFINITY);
    while (!steps.next().done);
  }

  /**
   * The same table for thousands of rows (a long crisis log): `pause` runs every `every` rows, so the
   * process can answer other calls, report progress or stop (by throwing) while the table is laid out.
   */
  async tableYielding(
    columns: readonly TableColumn[],
    rows: readonly (readonly string[])[],
    every: number,
    pause: (done: number) => Promise<void>,
  ): Promise<void> {
    for (const done of this.#tableSteps(columns, rows, {}, every)) await pause(done);
  }

  *#tableSteps(
    columns: readonly TableColumn[],
    rows: readonly (readonly string[])[],
    options: { header?: boolean },
    every: number,
  ): Generator<number> {
    const withHeader = options.header ?? true;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.contentWidth);
    const pad = 4;
    const cellSize = (cell: string, i: number, isBold: boolean) => this.#fittingSize(cell, (widths[i] ?? 0) - pad * 2, isBold ? 'bold' : 'regular');
    const rowHeight = (cells: readonly string[], bold: (i: number) => boolean) =>
      Math.max(
        ...cells.map((cell, i) => {
          this.doc.font(bold(i) ? 'bold' : 'regular').fontSize(cellSize(cell, i, bold(i)));
          return this.doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - pad * 2 });
        }),
      ) +
      pad * 2;
    // Measuring text is the costly part of a long table: each row is measured once and drawn with that height.
    const drawRow = (cells: readonly string[], bold: (i: number) => boolean, fill?: string, measured?: number) => {
      const height = measured ?? rowHeight(cells, bold);
      const y = this.doc.y;
      let x = MARGIN;
      if (fill) this.doc.rect(MARGIN, y, this.contentWidth, height).fill(fill);
      cells.forEach((cell, i) => {
        this.doc.font(bold(i) ? 'bold' : 'regular').fontSize(cellSize(cell, i, bold(i))).fillColor(INK);
        this.doc.text(cell, x + pad, y + pad, { width: (widths[i] ?? 0) - pad * 2 });
        x += widths[i] ?? 0;
      });
      this.doc.rect(MARGIN, y, this.contentWidth, height).lineWidth(0.5).strokeColor(RULE).stroke();
      this.doc.x = MARGIN;
      this.doc.y = y + height;
    };
    const cellsOf = (row: readonly string[]) =>
      row.map((cell, i) => {
        const bold = columns[i]?.bold ?? false;
        return this.#cutLinks(cell, (widths[i] ?? 0) - pad * 2, bold ? 'bold' : 'regular', cellSize(cell, i, bold));
      });
    const headers = columns.map((c) => c.header);
    const header = () => {
      if (withHeader) drawRow(headers, () => true, HEADER_FILL);
    };
    this.ensureSpace((withHeader ? rowHeight(headers, () => true) : 0) + (rows[0] ? rowHeight(cellsOf(rows[0]), (i) => columns[i]?.bold ?? false) : 0));
    header();
    let done = 0;
    for (const source of rows) {
      const row = cellsOf(source);
      const height = rowHeight(row, (i) => columns[i]?.bold ?? false);
      if (this.doc.y + height > this.#bottom) {
        this.doc.addPage();
        header();
      }
      drawRow(row, (i) => columns[i]?.bold ?? false, undefined, height);
      done += 1;
      if (done % every === 0) yield done;
    }
    this.doc.font('regular').fontSize(10);
    this.doc.moveDown(0.8);
  }

  /**
   * The table font size at which every word of the cell fits its column: pdfkit cuts a word wider than its
   * line anywhere ("Vérificat ion"), so a cell whose longest word is too wide is set smaller instead.
   * Tokens that are not words (hashes, links) may still be cut: they have no syllables to respect.
   */
  #fittingSize(cell: string, width: number, font: 'regular' | 'bold'): number {
    this.doc.font(font).fontSize(TABLE_SIZE);
    let widest = 0;
    // pdfkit measures a word with the space after it when deciding to cut it, so the space must fit too.
    for (const token of cell.split(/\s+/)) if (WORD.test(token)) widest = Math.max(widest, this.doc.widthOfString(`${token} `));
    return widest <= width ? TABLE_SIZE : Math.max(MIN_TABLE_SIZE, Math.floor(((TABLE_SIZE * width) / widest) * 10) / 10);
  }

  /**
   * Web and e-mail addresses wider than their column, cut into lines at their own separators: left to pdfkit, an
   * address is cut at any letter ("twitter.c om", "aurore.exampl e"), which reads as two words and hides where it
   * really breaks.
   */
  #cutLinks(cell: string, width: number, font: 'regular' | 'bold', size: number): string {
    if (!cell.includes('://') && !cell.includes('@')) return cell;
    this.doc.font(font).fontSize(size);
    const fits = (text: string) => this.doc.widthOfString(`${text} `) <= width;
    const cut = (token: string) => {
      if (!LINK.test(token) || fits(token)) return token;
      const lines: string[] = [];
      let line = '';
      for (const piece of token.split(LINK_BREAK)) {
        if (line && !fits(line + piece)) {
          lines.push(line);
          line = piece;
        } else line += piece;
      }
      return [...lines, line].join('\n');
    };
    return cell
      .split('\n')
      .map((text) => text.split(' ').map(cut).join(' '))
      .join('\n');
  }

  /** Draws footers and exercise marks on every page, then returns the finished file. */
  async finish(pageLabel: (page: number, count: number) => string): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i += 1) {
      this.doc.switchToPage(i);
      this.#currentIndex = i + 1;
      this.#decorate(pageLabel(i - start + 1, count));
    }
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.end();
    return done;
  }

  #decorate(pageText: string): void {
    const { doc } = this;
    const { width, height } = doc.page;
    // Drawing into the bottom margin must not trigger pdfkit's automatic page break.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = height - MARGIN - 12;
    doc.moveTo(MARGIN, y - 6).lineTo(width - MARGIN, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font('regular').fontSize(8).fillColor(MUTED);
    doc.text(this.#options.footer, MARGIN, y, { width: width - MARGIN * 2 - 80, lineBreak: false });
    doc.text(pageText, width - MARGIN - 80, y, { width: 80, align: 'right', lineBreak: false });
    if (this.#options.header && this.#currentIndex > 1) {
      doc.font('regular').fontSize(8).fillColor(MUTED);
      doc.text(this.#options.header, MARGIN, 40, { width: width - MARGIN * 2, lineBreak: false, ellipsis: true });
      doc.moveTo(MARGIN, 52).lineTo(width - MARGIN, 52).lineWidth(0.5).strokeColor(RULE).stroke();
    }
    const mark = this.#options.exerciseMark;
    if (mark) {
      doc.font('bold').fontSize(11).fillColor(EXERCISE_RED);
      doc.text(`${mark} — ${mark} — ${mark}`, MARGIN, 22, { width: width - MARGIN * 2, align: 'center', lineBreak: false });
      doc.save();
      doc.rotate(-35, { origin: [width / 2, height / 2] });
      doc.font('bold').fontSize(90).fillColor(EXERCISE_RED).fillOpacity(0.08);
      doc.text(mark, 0, height / 2 - 50, { width, align: 'center', lineBreak: false });
      doc.restore();
    }
    doc.page.margins.bottom = bottomMargin;
    doc.fillColor(INK).fillOpacity(1);
  }
}
