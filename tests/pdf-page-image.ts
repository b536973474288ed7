import * as mupdf from "mupdf";

/**
 * Test helpers that look at a rendered PDF page as an image (MuPDF, a devDependency used only
 * by tests): where each character was placed, and what ink its box holds.
 */
const SCALE = 3;

export interface PlacedChar {
  char: string;
  font: string;
  /** [x0, y0, x1, y1] in page points. */
  box: [number, number, number, number];
}

export interface RenderedPage {
  text: string;
  chars: PlacedChar[];
  width: number;
  height: number;
  /** Grey levels 0 (black) to 255, `width × height` pixels at SCALE per point. */
  pixels: Uint8ClampedArray;
  png: () => Uint8Array;
}

export function pageCount(pdf: Buffer): number {
  return mupdf.Document.openDocument(pdf, "application/pdf").countPages();
}

export function renderPage(pdf: Buffer, index = 0): RenderedPage {
  const page = mupdf.Document.openDocument(pdf, "application/pdf").loadPage(index);
  const chars: PlacedChar[] = [];
  const stext = page.toStructuredText("preserve-whitespace");
  stext.walk({
    onChar(char, _origin, font, _size, quad) {
      const xs = [quad[0], quad[2], quad[4], quad[6]];
      const ys = [quad[1], quad[3], quad[5], quad[7]];
      chars.push({
        char,
        font: font.getName(),
        box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
      });
    },
  });
  const pixmap = page.toPixmap(
    mupdf.Matrix.scale(SCALE, SCALE),
    mupdf.ColorSpace.DeviceGray,
    false,
  );
  return {
    text: stext.asText(),
    chars,
    width: pixmap.getWidth(),
    height: pixmap.getHeight(),
    pixels: pixmap.getPixels(),
    png: () => pixmap.asPNG(),
  };
}

/**
 * The ink in a character's box as a GRID × GRID map of dark-pixel shares, so two glyphs compare
 * whatever their exact pixel sizes.
 */
export const GRID = 12;

export function inkMap(page: RenderedPage, box: PlacedChar["box"]): number[] {
  const [x0, y0, x1, y1] = box.map((v) => v * SCALE);
  const cells = new Array<number>(GRID * GRID).fill(0);
  const counts = new Array<number>(GRID * GRID).fill(0);
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      const gx = Math.min(GRID - 1, Math.floor(((x - x0) / (x1 - x0)) * GRID));
      const gy = Math.min(GRID - 1, Math.floor(((y - y0) / (y1 - y0)) * GRID));
      counts[gy * GRID + gx]++;
      if (page.pixels[y * page.width + x] < 128) cells[gy * GRID + gx]++;
    }
  }
  return cells.map((dark, i) => (counts[i] ? dark / counts[i] : 0));
}

export const inkShare = (map: number[]) => map.reduce((a, b) => a + b, 0) / map.length;

/** Mean absolute difference of two ink maps: 0 for the same picture. */
export const inkDistance = (a: number[], b: number[]) =>
  a.reduce((sum, v, i) => sum + Math.abs(v - b[i]), 0) / a.length;
