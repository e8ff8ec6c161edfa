//! A small page-layout engine over printpdf operations: text with measured widths, wrapping,
//! tables that break across pages with repeated headers, rectangles and lines.

use printpdf::{
    Color, FontId, Line, LinePoint, Op, PaintMode, ParsedFont, PdfFontHandle, Point, Pt, Rect, Rgb, TextItem,
};

/// A4 width, points.
pub const PW: f32 = 595.28;
/// A4 height, points.
pub const PH: f32 = 841.89;
/// Left margin.
pub const ML: f32 = 56.7;
/// Right edge of the text block.
pub const XR: f32 = PW - 56.7;
/// Top of the text block.
pub const TOP: f32 = 780.0;
/// Bottom of the text block.
pub const BOTTOM: f32 = 72.0;

pub const INK: (f32, f32, f32) = (0.12, 0.14, 0.18);
pub const NAVY: (f32, f32, f32) = (0.09, 0.20, 0.38);
pub const GREY: (f32, f32, f32) = (0.45, 0.47, 0.50);
pub const RULE: (f32, f32, f32) = (0.75, 0.78, 0.82);
pub const ZEBRA: (f32, f32, f32) = (0.95, 0.96, 0.98);
pub const HEAD_BG: (f32, f32, f32) = (0.88, 0.91, 0.95);

pub fn rgb(c: (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb { r: c.0, g: c.1, b: c.2, icc_profile: None })
}

/// Alignment of a table column.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table column: header, width in points, alignment.
pub struct Col<'a> {
    pub head: &'a str,
    pub width: f32,
    pub align: Align,
}

pub struct Fonts {
    pub regular: ParsedFont,
    pub bold: ParsedFont,
}

pub const F_REGULAR: &str = "F1";
pub const F_BOLD: &str = "F2";

/// The document being laid out.
pub struct Writer<'f> {
    fonts: &'f Fonts,
    pub pages: Vec<Vec<Op>>,
    pub ops: Vec<Op>,
    pub y: f32,
    /// Characters set in bold: the bold font is subset to these.
    pub bold_chars: std::collections::BTreeSet<char>,
}

impl<'f> Writer<'f> {
    pub fn new(fonts: &'f Fonts) -> Self {
        Self { fonts, pages: Vec::new(), ops: Vec::new(), y: TOP, bold_chars: std::collections::BTreeSet::new() }
    }

    /// `s` with every character the font lacks (or draws empty) replaced by a look-alike it has
    /// (the minus sign U+2212 by a hyphen, the bullet by a middle dot) or by `?`, so no text
    /// silently renders as empty boxes or blanks.
    fn printable(&self, s: &str, bold: bool) -> String {
        let f = if bold { &self.fonts.bold } else { &self.fonts.regular };
        s.chars()
            .map(|c| match c {
                // NanumSquare maps these to empty outlines: they would print as blanks.
                '\u{2022}' => '·',
                '\u{203a}' => '>',
                '\u{2039}' => '<',
                _ if c.is_control() || f.lookup_glyph_index(c as u32).is_some() => c,
                '\u{2212}' | '\u{2010}' | '\u{2011}' => '-',
                '\u{2009}' | '\u{202f}' | '\u{00a0}' => ' ',
                _ => '?',
            })
            .collect()
    }

    /// Width of `s` at `size` points.
    pub fn width(&self, s: &str, size: f32, bold: bool) -> f32 {
        let s = &self.printable(s, bold);
        let f = if bold { &self.fonts.bold } else { &self.fonts.regular };
        let upem = f32::from(f.units_per_em.max(1));
        let units: u32 = s
            .chars()
            .map(|c| {
                f.lookup_glyph_index(c as u32).and_then(|g| f.get_glyph_width(g)).map_or(upem as u32 / 2, u32::from)
            })
            .sum();
        units as f32 / upem * size
    }

    pub fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, color: (f32, f32, f32), s: &str) {
        if s.is_empty() {
            return;
        }
        let s = &self.printable(s, bold);
        if bold {
            self.bold_chars.extend(s.chars());
        }
        let id = if bold { F_BOLD } else { F_REGULAR };
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont { font: PdfFontHandle::External(FontId(id.into())), size: Pt(size) },
            Op::SetFillColor { col: rgb(color) },
            Op::SetTextCursor { pos: Point { x: Pt(x), y: Pt(y) } },
            Op::ShowText { items: vec![TextItem::Text(s.to_owned())] },
            Op::EndTextSection,
        ]);
    }

    pub fn text_right(&mut self, x: f32, y: f32, size: f32, bold: bool, c: (f32, f32, f32), s: &str) {
        let w = self.width(s, size, bold);
        self.text(x - w, y, size, bold, c, s);
    }

    pub fn text_center(&mut self, x: f32, y: f32, size: f32, bold: bool, c: (f32, f32, f32), s: &str) {
        let w = self.width(s, size, bold);
        self.text(x - w / 2.0, y, size, bold, c, s);
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: (f32, f32, f32)) {
        self.ops.push(Op::SetFillColor { col: rgb(fill) });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(y),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }

    pub fn rect_stroke(&mut self, x: f32, y: f32, w: f32, h: f32, c: (f32, f32, f32), t: f32) {
        self.ops.push(Op::SetOutlineColor { col: rgb(c) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(t) });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(y),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Stroke),
                winding_order: None,
            },
        });
    }

    pub fn line(&mut self, pts: &[(f32, f32)], c: (f32, f32, f32), t: f32) {
        self.ops.push(Op::SetOutlineColor { col: rgb(c) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(t) });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: pts
                    .iter()
                    .map(|&(x, y)| LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier: false })
                    .collect(),
                is_closed: false,
            },
        });
    }

    pub fn new_page(&mut self) {
        let ops = std::mem::take(&mut self.ops);
        self.pages.push(ops);
        self.y = TOP;
    }

    /// Starts a new page unless the current one is still empty.
    pub fn fresh_page(&mut self) {
        if !self.ops.is_empty() {
            self.new_page();
        }
    }

    /// Makes room for `h` points, breaking the page if needed.
    pub fn ensure(&mut self, h: f32) {
        if self.y - h < BOTTOM {
            self.new_page();
        }
    }

    /// Splits `s` into lines no wider than `w`.
    pub fn wrap(&self, s: &str, size: f32, bold: bool, w: f32) -> Vec<String> {
        let mut out = Vec::new();
        for para in s.split('\n') {
            let mut line = String::new();
            for word in para.split(' ') {
                let cand = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
                if self.width(&cand, size, bold) <= w {
                    line = cand;
                    continue;
                }
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                // A word longer than the line: break it by characters.
                let mut piece = String::new();
                for ch in word.chars() {
                    piece.push(ch);
                    if self.width(&piece, size, bold) > w && piece.chars().count() > 1 {
                        piece.pop();
                        out.push(std::mem::take(&mut piece));
                        piece.push(ch);
                    }
                }
                line = piece;
            }
            out.push(line);
        }
        out
    }

    /// A wrapped paragraph at the cursor.
    pub fn para(&mut self, s: &str, size: f32, color: (f32, f32, f32)) {
        self.para_at(ML, XR - ML, s, size, false, color);
    }

    pub fn para_at(&mut self, x: f32, w: f32, s: &str, size: f32, bold: bool, color: (f32, f32, f32)) {
        let lh = size * 1.45;
        for l in self.wrap(s, size, bold, w) {
            self.ensure(lh);
            self.text(x, self.y - size, size, bold, color, &l);
            self.y -= lh;
        }
        self.y -= size * 0.4;
    }

    /// Section title (level 1): a new page, the title and a rule.
    pub fn h1(&mut self, s: &str) {
        self.fresh_page();
        self.text(ML, self.y - 18.0, 18.0, true, NAVY, s);
        self.y -= 26.0;
        self.line(&[(ML, self.y), (XR, self.y)], NAVY, 1.2);
        self.y -= 14.0;
    }

    /// A verdict banner: tinted green when `good`, red when not, a coloured bar at the left, the
    /// title in the bar's colour and the wrapped body under it.
    pub fn banner(&mut self, good: bool, title: &str, title_size: f32, body: &str, body_size: f32) {
        let (bg, fg) =
            if good { ((0.89, 0.96, 0.90), (0.08, 0.40, 0.16)) } else { ((0.99, 0.91, 0.90), (0.60, 0.12, 0.10)) };
        let lh = body_size * 1.4;
        let lines = if body.is_empty() { Vec::new() } else { self.wrap(body, body_size, false, XR - ML - 24.0) };
        let h = 20.0 + title_size + if lines.is_empty() { 0.0 } else { 6.0 + lines.len() as f32 * lh };
        self.ensure(h + 12.0);
        self.rect(ML, self.y - h, XR - ML, h, bg);
        self.rect(ML, self.y - h, 4.0, h, fg);
        self.text(ML + 14.0, self.y - 10.0 - title_size, title_size, true, fg, title);
        let mut y = self.y - 16.0 - title_size - body_size;
        for l in lines {
            self.text(ML + 14.0, y, body_size, false, INK, &l);
            y -= lh;
        }
        self.y -= h + 14.0;
    }

    /// Sub-section title.
    pub fn h2(&mut self, s: &str) {
        self.ensure(60.0);
        self.y -= 6.0;
        self.text(ML, self.y - 12.0, 12.0, true, NAVY, s);
        self.y -= 20.0;
    }

    /// One row of wrapped cells whose first lines sit at `top`: bold navy for a header, ink else.
    fn cells(
        &mut self,
        cols: &[Col<'_>],
        widths: &[f32],
        cells: &[Vec<String>],
        top: f32,
        m: (f32, f32, f32),
        head: bool,
    ) {
        let (size, lh, pad) = m;
        let color = if head { NAVY } else { INK };
        let mut x = ML;
        for ((c, lines), cw) in cols.iter().zip(cells).zip(widths) {
            let mut y = top;
            for l in lines {
                match c.align {
                    Align::Left => self.text(x + pad, y, size, head, color, l),
                    Align::Right => self.text_right(x + cw - pad, y, size, head, color, l),
                }
                y -= lh;
            }
            x += cw;
        }
    }

    /// A table with wrapped cells; on a page break the header row is repeated.
    pub fn table(&mut self, cols: &[Col<'_>], rows: &[Vec<String>], size: f32) {
        let pad = 3.0;
        let lh = size * 1.3;
        let total: f32 = cols.iter().map(|c| c.width).sum();
        let scale = (XR - ML) / total;
        let widths: Vec<f32> = cols.iter().map(|c| c.width * scale).collect();
        let head_lines: Vec<Vec<String>> =
            cols.iter().zip(&widths).map(|(c, w)| self.wrap(c.head, size, true, w - 2.0 * pad)).collect();
        let head_h = head_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * pad;
        let draw_head = |w: &mut Self| {
            let y0 = w.y;
            w.rect(ML, y0 - head_h, XR - ML, head_h, HEAD_BG);
            w.cells(cols, &widths, &head_lines, y0 - pad - size, (size, lh, pad), true);
            w.y -= head_h;
            w.line(&[(ML, w.y), (XR, w.y)], NAVY, 0.6);
        };
        self.ensure(head_h + lh + 2.0 * pad);
        draw_head(self);
        for (i, row) in rows.iter().enumerate() {
            let cells: Vec<Vec<String>> =
                row.iter().zip(&widths).map(|(s, w)| self.wrap(s, size, false, w - 2.0 * pad)).collect();
            let h = cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * pad;
            if self.y - h < BOTTOM {
                self.new_page();
                draw_head(self);
            }
            if i % 2 == 1 {
                self.rect(ML, self.y - h, XR - ML, h, ZEBRA);
            }
            let top = self.y - pad - size;
            self.cells(cols, &widths, &cells, top, (size, lh, pad), false);
            self.y -= h;
        }
        self.line(&[(ML, self.y), (XR, self.y)], RULE, 0.6);
        self.y -= 12.0;
    }
}
