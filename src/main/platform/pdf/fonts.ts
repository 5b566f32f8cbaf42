// Locates the DejaVu TrueType fonts shipped as an npm dependency: they cover French accents, typographic
// quotes and the checkbox glyph, and pdfkit embeds them so the PDF reads the same on every machine.
import { createRequire } from 'node:module';

export interface PdfFonts {
  readonly regular: string;
  readonly bold: string;
  readonly italic: string;
}

export function dejaVuFonts(): PdfFonts {
  const resolve = createRequire(__filename).resolve;
  return {
    regular: resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
    italic: resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
  };
}
