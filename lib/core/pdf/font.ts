import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The CJK font every PDF is set in: Noto Sans SC (SIL Open Font License 1.1) from the npm package
 * `@expo-google-fonts/noto-sans-sc`, so a fresh `npm ci` brings it and no machine font is needed.
 * It holds Latin glyphs too, so one family sets both languages. Each file is about 10 MB, of which
 * a document embeds only the glyphs it uses.
 *
 * The package is found by Node's own resolution at run time and its file read from there, never
 * bundled: Turbopack rewrites `createRequire(import.meta.url).resolve(…)` into a module id, so
 * `createRequire` is taken from `process.getBuiltinModule`, which it leaves alone, and the file
 * reads carry `turbopackIgnore` so the build does not trace the whole project for them. The
 * package is listed in next.config's serverExternalPackages beside pdfkit.
 */
const FONT_PACKAGE = "@expo-google-fonts/noto-sans-sc";

const files = {
  regular: "400Regular/NotoSansSC_400Regular.ttf",
  bold: "700Bold/NotoSansSC_700Bold.ttf",
} as const;

export type FontWeight = keyof typeof files;

function packageDir(): string {
  const { createRequire } = process.getBuiltinModule("node:module");
  const resolve = createRequire(import.meta.url).resolve;
  return path.dirname(resolve(`${FONT_PACKAGE}/package.json`));
}

const cache = new Map<FontWeight, Buffer>();

/** The font file's bytes, read once per process. */
export function fontBytes(weight: FontWeight): Buffer {
  let bytes = cache.get(weight);
  if (!bytes) {
    const file = path.join(/* turbopackIgnore: true */ packageDir(), files[weight]);
    bytes = readFileSync(/* turbopackIgnore: true */ file);
    cache.set(weight, bytes);
  }
  return bytes;
}
