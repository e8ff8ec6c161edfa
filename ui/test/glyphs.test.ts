// No tofu: every character the UI can draw is in the bundled font (assets/fonts, NanumSquare),
// read from the font's own character map (the TrueType `cmap` table, format 4 / 12).
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test } from 'vitest';

function charset(path: string): Set<number> {
  const b = readFileSync(path);
  const u16 = (o: number) => b.readUInt16BE(o);
  const u32 = (o: number) => b.readUInt32BE(o);
  const n = u16(4);
  let cmap = -1;
  for (let i = 0; i < n; i++) if (b.toString('latin1', 12 + 16 * i, 16 + 16 * i) === 'cmap') cmap = u32(12 + 16 * i + 8);
  const out = new Set<number>();
  for (let i = 0; i < u16(cmap + 2); i++) {
    const sub = cmap + u32(cmap + 4 + 8 * i + 4);
    const format = u16(sub);
    if (format === 4) {
      const segs = u16(sub + 6) / 2;
      const ends = sub + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs, offs = deltas + 2 * segs;
      for (let s = 0; s < segs; s++) {
        const end = u16(ends + 2 * s), start = u16(starts + 2 * s), off = u16(offs + 2 * s);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const glyph = off === 0 ? 1 : u16(offs + 2 * s + off + 2 * (c - start));
          if (glyph !== 0) out.add(c);
        }
      }
    } else if (format === 12) {
      for (let g = 0; g < u32(sub + 12); g++) for (let c = u32(sub + 16 + 12 * g); c <= u32(sub + 20 + 12 * g); c++) out.add(c);
    }
  }
  return out;
}

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');

test('every character of the UI and its catalogs is in both bundled weights', () => {
  const fonts = ['NanumSquareR.ttf', 'NanumSquareB.ttf'].map((f) => charset(new URL(`../../assets/fonts/${f}`, import.meta.url).pathname));
  // Spot checks against the font: Korean, the scale's glyphs; and "⚠", which it lacks.
  expect(fonts[0].has('예'.codePointAt(0) as number)).toBe(true);
  expect(fonts[0].has(0x2194)).toBe(true); // ↔
  expect(fonts[0].has(0x26a0)).toBe(false); // ⚠ — so the UI uses ※
  const sources = [
    ...readdirSync(new URL('../src/', import.meta.url)).filter((f) => f.endsWith('.ts')).map((f) => read(`../src/${f}`)),
    ...readdirSync(new URL('../src/views/', import.meta.url)).map((f) => read(`../src/views/${f}`)),
    read('../../locales/ko-app.ftl'),
    read('../../locales/en-app.ftl'),
    read('../../locales/ko.ftl'),
  ];
  const missing = new Set<string>();
  for (const text of sources)
    for (const line of text.split('\n')) {
      if (line.trimStart().startsWith('//') || line.trimStart().startsWith('*') || line.trimStart().startsWith('#')) continue; // comments are not drawn
      for (const ch of line) {
        const c = ch.codePointAt(0) as number;
        if (c < 0x20 || c === 0x2028) continue;
        if (!fonts.every((f) => f.has(c))) missing.add(`${ch} U+${c.toString(16)}`);
      }
    }
  // Control characters used as in-string markers (USER_OPEN/CLOSE) are written as escapes.
  expect([...missing]).toEqual([]);
});
