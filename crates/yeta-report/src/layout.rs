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

/// A heading as the table of contents (목차) and the PDF bookmarks see it.
#[derive(Debug, Clone)]
pub struct Heading {
    /// 0 for a chapter, 1 for a section.
    pub level: u8,
    /// The title as printed, with its number.
    pub title: String,
    /// The page index (0 = the cover).
    pub page: usize,
    /// The baseline's height on the page, for the bookmark's destination.
    pub y: f32,
}

/// The document being laid out.
pub struct Writer<'f> {
    fonts: &'f Fonts,
    pub pages: Vec<Vec<Op>>,
    pub ops: Vec<Op>,
    pub y: f32,
    /// Characters set in bold: the bold font is subset to these.
    pub bold_chars: std::collections::BTreeSet<char>,
    /// Every chapter and section heading, in order.
    pub headings: Vec<Heading>,
    chapter_no: usize,
    section_no: usize,
    numbered: bool,
    /// The caption of the next table (its unit), drawn with it so it never stays behind.
    caption: Option<String>,
    /// The last section heading: (its ops range on the current page, the cursor before it, its
    /// entry in `headings`), so a table that must start on a new page takes its heading along.
    last_h2: Option<(usize, usize, usize, f32, usize)>,
}

/// The chapter number as a Roman numeral (Ⅰ, Ⅱ, … as KDI's reports number them).
pub fn roman(n: usize) -> String {
    const GLYPHS: [char; 12] = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ', 'Ⅸ', 'Ⅹ', 'Ⅺ', 'Ⅻ'];
    match n.checked_sub(1).and_then(|i| GLYPHS.get(i)) {
        Some(c) => c.to_string(),
        None => n.to_string(),
    }
}

impl<'f> Writer<'f> {
    pub fn new(fonts: &'f Fonts) -> Self {
        Self {
            fonts,
            pages: Vec::new(),
            ops: Vec::new(),
            y: TOP,
            bold_chars: std::collections::BTreeSet::new(),
            headings: Vec::new(),
            chapter_no: 0,
            section_no: 0,
            numbered: false,
            caption: None,
            last_h2: None,
        }
    }

    /// The page being written (0 = the cover).
    pub fn page_index(&self) -> usize {
        self.pages.len()
    }

    /// The character printed for `c`: `c` itself when the font has it, else a look-alike it has
    /// (the minus sign U+2212 by a hyphen, the bullet by a middle dot) or `?`, so no text
    /// silently renders as empty boxes or blanks.
    fn shown(&self, c: char, bold: bool) -> char {
        let f = if bold { &self.fonts.bold } else { &self.fonts.regular };
        match c {
            // NanumSquare maps these to empty outlines: they would print as blanks.
            '\u{2022}' => '·',
            '\u{203a}' => '>',
            '\u{2039}' => '<',
            _ if c.is_control() || f.lookup_glyph_index(c as u32).is_some() => c,
            '\u{2212}' | '\u{2010}' | '\u{2011}' => '-',
            '\u{2009}' | '\u{202f}' | '\u{00a0}' => ' ',
            _ => '?',
        }
    }

    /// `s` as printed: every character through [`Self::shown`].
    fn printable(&self, s: &str, bold: bool) -> String {
        s.chars().map(|c| self.shown(c, bold)).collect()
    }

    /// Width of one character at `size` points, as printed.
    fn char_width(&self, c: char, size: f32, bold: bool) -> f32 {
        let f = if bold { &self.fonts.bold } else { &self.fonts.regular };
        let upem = f32::from(f.units_per_em.max(1));
        let units = f
            .lookup_glyph_index(self.shown(c, bold) as u32)
            .and_then(|g| f.get_glyph_width(g))
            .map_or(upem as u32 / 2, u32::from);
        units as f32 / upem * size
    }

    /// Width of `s` at `size` points.
    pub fn width(&self, s: &str, size: f32, bold: bool) -> f32 {
        s.chars().map(|c| self.char_width(c, size, bold)).sum()
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

    /// Splits `s` into lines no wider than `w`, breaking only where Unicode's line-breaking
    /// algorithm (UAX #14) allows: never before a closing bracket or a full stop, never inside a
    /// number such as `1,234.5`, between Hangul syllables when a word is longer than the line.
    /// A break at a space is preferred while the line is at least two-thirds full, so Korean
    /// text breaks between words (어절) as a Korean reader expects.
    pub fn wrap(&self, s: &str, size: f32, bold: bool, w: f32) -> Vec<String> {
        use unicode_linebreak::{BreakOpportunity, linebreaks};
        let mut out = Vec::new();
        for para in s.split('\n') {
            // Break opportunities: (byte offset, follows a space).
            let ops: Vec<(usize, bool)> = linebreaks(para)
                .filter(|&(i, _)| i < para.len())
                .map(|(i, o)| (i, o == BreakOpportunity::Allowed && para[..i].ends_with(' ')))
                .collect();
            // Width of the text before each byte offset (at char boundaries), so a candidate
            // line's width is a difference, not a new measurement: wrapping stays linear.
            let mut cum = vec![0.0f32; para.len() + 1];
            let mut acc = 0.0;
            for (i, c) in para.char_indices() {
                cum[i] = acc;
                acc += self.char_width(c, size, bold);
            }
            cum[para.len()] = acc;
            let span = |a: usize, b: usize| {
                let b = a + para[a..b].trim_end().len();
                cum[b] - cum[a]
            };
            let mut start = 0;
            loop {
                if span(start, para.len()) <= w {
                    out.push(para[start..].trim_end().to_owned());
                    break;
                }
                // The last opportunity whose line fits, preferring one after a space.
                let mut best: Option<usize> = None;
                let mut best_space: Option<usize> = None;
                for &(i, space) in ops.iter().filter(|&&(i, _)| i > start) {
                    if span(start, i) > w {
                        break;
                    }
                    best = Some(i);
                    if space {
                        best_space = Some(i);
                    }
                }
                let full = |i: usize| span(start, i) >= w * 0.66;
                let cut = match (best_space, best) {
                    (Some(sp), _) if full(sp) => sp,
                    (_, Some(b)) => b,
                    (Some(sp), None) => sp,
                    // Nothing fits: break the first unit by characters.
                    (None, None) => {
                        let rest = &para[start..];
                        let mut end = start;
                        for (k, ch) in rest.char_indices() {
                            if k > 0 && span(start, start + k + ch.len_utf8()) > w {
                                break;
                            }
                            end = start + k + ch.len_utf8();
                        }
                        end.max(start + rest.chars().next().map_or(1, char::len_utf8))
                    }
                };
                out.push(para[start..cut].trim_end().to_owned());
                start = cut;
                while para[start..].starts_with(' ') {
                    start += 1;
                }
                if start >= para.len() {
                    break;
                }
            }
        }
        out
    }

    /// A displayed formula, centred on its own line: `_{…}` sets a subscript and `^{…}` a
    /// superscript, so `DF(y) = ∏_{k=t_{0}+1}^{y} 1/(1+r_{k})` prints as mathematics, not code.
    pub fn formula(&mut self, s: &str, size: f32) {
        // Pieces: (text, size, rise).
        let mut pieces: Vec<(String, f32, f32)> = Vec::new();
        let mut rest = s;
        let mut level: Vec<f32> = vec![0.0];
        let mut cur = String::new();
        let push = |pieces: &mut Vec<(String, f32, f32)>, cur: &mut String, level: &[f32]| {
            if !cur.is_empty() {
                let depth = level.len() - 1;
                let sz = size * 0.72f32.powi(depth as i32);
                pieces.push((std::mem::take(cur), sz, level.iter().sum()));
            }
        };
        while let Some(c) = rest.chars().next() {
            let after = &rest[c.len_utf8()..];
            match c {
                '_' | '^' if after.starts_with('{') => {
                    push(&mut pieces, &mut cur, &level);
                    let depth = level.len() as i32 - 1;
                    let sz = size * 0.72f32.powi(depth);
                    level.push(if c == '_' { -sz * 0.28 } else { sz * 0.42 });
                    rest = &after[1..];
                    continue;
                }
                '}' if level.len() > 1 => {
                    push(&mut pieces, &mut cur, &level);
                    level.pop();
                }
                _ => cur.push(c),
            }
            rest = after;
        }
        push(&mut pieces, &mut cur, &level);
        let total: f32 = pieces.iter().map(|(p, sz, _)| self.width(p, *sz, false)).sum();
        let lh = size * 2.0;
        self.ensure(lh);
        let mut x = (ML + XR) / 2.0 - total / 2.0;
        let base = self.y - size * 1.3;
        for (p, sz, rise) in &pieces {
            self.text(x, base + rise, *sz, false, INK, p);
            x += self.width(p, *sz, false);
        }
        self.y -= lh;
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

    /// A numbered chapter (Ⅰ, Ⅱ, …): a new page, the title and a rule; its sections are
    /// numbered 1, 2, ….
    pub fn chapter(&mut self, s: &str) {
        self.chapter_no += 1;
        let title = format!("{}. {s}", roman(self.chapter_no));
        self.numbered = true;
        self.title_block(&title);
    }

    /// An unnumbered chapter (요약, 부록, 서명): a new page, the title and a rule.
    pub fn h1(&mut self, s: &str) {
        self.numbered = false;
        self.title_block(s);
    }

    fn title_block(&mut self, title: &str) {
        self.fresh_page();
        self.section_no = 0;
        self.headings.push(Heading { level: 0, title: title.to_owned(), page: self.page_index(), y: self.y });
        self.text(ML, self.y - 18.0, 18.0, true, NAVY, title);
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

    /// A section title, numbered within a numbered chapter; kept with at least a few lines of
    /// what follows.
    pub fn h2(&mut self, s: &str) {
        self.ensure(90.0);
        let title = if self.numbered {
            self.section_no += 1;
            format!("{}. {s}", self.section_no)
        } else {
            s.to_owned()
        };
        let (start, before) = (self.ops.len(), self.y);
        self.y -= 6.0;
        self.headings.push(Heading { level: 1, title: title.clone(), page: self.page_index(), y: self.y });
        self.text(ML, self.y - 12.0, 12.0, true, NAVY, &title);
        self.y -= 20.0;
        self.last_h2 = Some((self.page_index(), start, self.ops.len(), before, self.headings.len() - 1));
    }

    /// Starts a new page; a section heading with nothing under it yet moves along with it.
    fn new_page_keeping_heading(&mut self) {
        let Some((page, start, end, before, idx)) = self.last_h2.take() else {
            self.new_page();
            return;
        };
        if page != self.page_index() || end != self.ops.len() {
            self.new_page();
            return;
        }
        let title = self.headings[idx].title.clone();
        self.ops.truncate(start);
        self.y = before;
        self.new_page();
        self.y -= 6.0;
        self.headings[idx].page = self.page_index();
        self.headings[idx].y = self.y;
        self.text(ML, self.y - 12.0, 12.0, true, NAVY, &title);
        self.y -= 20.0;
    }

    /// A minor title inside a section (not in the table of contents).
    pub fn h3(&mut self, s: &str) {
        self.ensure(70.0);
        self.y -= 2.0;
        self.text(ML, self.y - 10.0, 10.0, true, NAVY, s);
        self.y -= 16.0;
    }

    /// The caption of the next table, at its top right: the unit of its figures, "(단위:
    /// 백만원)". It is drawn with the table, on the page where the table starts.
    pub fn caption_right(&mut self, s: &str) {
        self.caption = Some(s.to_owned());
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
        let cells: Vec<Vec<Vec<String>>> = rows
            .iter()
            .map(|row| row.iter().zip(&widths).map(|(s, w)| self.wrap(s, size, false, w - 2.0 * pad)).collect())
            .collect();
        let heights: Vec<f32> =
            cells.iter().map(|c| c.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * pad).collect();
        let cap_h = if self.caption.is_some() { 12.0 } else { 0.0 };
        let breaks = page_breaks(&heights, self.y - BOTTOM - head_h - cap_h, TOP - BOTTOM - head_h, MIN_ROWS);
        if breaks.first() == Some(&0) {
            self.new_page_keeping_heading();
        }
        if let Some(c) = self.caption.take() {
            self.text_right(XR, self.y - 8.0, 8.0, false, GREY, &c);
            self.y -= cap_h;
        }
        draw_head(self);
        for (i, (cells, h)) in cells.iter().zip(&heights).enumerate() {
            if i > 0 && breaks.contains(&i) {
                self.new_page();
                draw_head(self);
            }
            if i % 2 == 1 {
                self.rect(ML, self.y - h, XR - ML, *h, ZEBRA);
            }
            let top = self.y - pad - size;
            self.cells(cols, &widths, cells, top, (size, lh, pad), false);
            self.y -= h;
        }
        self.line(&[(ML, self.y), (XR, self.y)], RULE, 0.6);
        self.y -= 12.0;
    }
}

/// The fewest rows a table leaves on a page before or after a page break (KDI's typesetting:
/// no table split after one row or before its last).
pub const MIN_ROWS: usize = 3;

/// Where a table's rows break across pages: the indices of the rows that start a new page (0
/// when the table should start on a fresh page). `first` is the room left on the current page,
/// `full` a whole page's; no page holds fewer than `min` rows of a table that has more, when
/// the rows allow it.
pub fn page_breaks(heights: &[f32], first: f32, full: f32, min: usize) -> Vec<usize> {
    let n = heights.len();
    let greedy = |first: f32| {
        let mut breaks = Vec::new();
        let (mut room, mut count) = (first, 0usize);
        for (i, &h) in heights.iter().enumerate() {
            if h > room && (count > 0 || i == 0) {
                breaks.push(i);
                room = full;
                count = 0;
            }
            room -= h;
            count += 1;
        }
        breaks
    };
    let mut breaks = greedy(first);
    // Too few rows on the current page: the table starts on a fresh one.
    let on_first = breaks.first().copied().unwrap_or(n);
    if on_first > 0 && on_first < min.min(n) {
        breaks = std::iter::once(0).chain(greedy(full).into_iter().filter(|&b| b > 0)).collect();
    }
    // Too few rows after the last break: move rows down from the page before.
    let k = breaks.len();
    if k > 0 && breaks[k - 1] > 0 {
        let prev = if k >= 2 { breaks[k - 2] } else { 0 };
        let last = breaks[k - 1];
        let tail = n - last;
        if tail < min {
            let moved = (min - tail).min((last - prev).saturating_sub(min));
            breaks[k - 1] = last - moved;
            // Nothing to spare on the page before: a table that fits one page moves whole.
            if tail + moved < min.min(n) && heights.iter().sum::<f32>() <= full {
                return vec![0];
            }
        }
    }
    breaks
}

#[cfg(test)]
mod tests {
    use super::page_breaks;

    #[test]
    fn a_table_is_never_split_with_fewer_than_three_rows_on_a_side() {
        // 10 rows of 10 pt, 25 pt left on this page, 1000 on the next: the table moves whole.
        assert_eq!(page_breaks(&[10.0; 10], 25.0, 1000.0, 3), vec![0]);
        // 10 rows, room for 9 here: the last page would hold one row, so two more move down.
        assert_eq!(page_breaks(&[10.0; 10], 95.0, 1000.0, 3), vec![7]);
        // Everything fits: no break.
        assert!(page_breaks(&[10.0; 10], 200.0, 1000.0, 3).is_empty());
        // 5 rows, room for 3: two would be left alone, and none can move: the table moves whole.
        assert_eq!(page_breaks(&[10.0; 5], 35.0, 1000.0, 3), vec![0]);
        // A two-row table with no room: it starts on the next page.
        assert_eq!(page_breaks(&[10.0; 2], 5.0, 1000.0, 3), vec![0]);
    }

    #[test]
    fn roman_numerals_for_chapters() {
        assert_eq!(super::roman(1), "Ⅰ");
        assert_eq!(super::roman(10), "Ⅹ");
        assert_eq!(super::roman(13), "13");
    }
}
