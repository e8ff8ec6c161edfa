//! A small, bounded reader for the PDF structure that signature verification and extraction
//! need: every incremental revision (its classic cross-reference section, trailer and end), each
//! revision's own view of the object numbers, and objects parsed on demand.
//!
//! Written for hostile input: no panics, no recursion deeper than [`MAX_DEPTH`], no allocation
//! larger than the input (or [`MAX_STUDY_BYTES`] for a decompressed stream), and every byte of the
//! file is read a bounded number of times (objects are parsed once and cached by offset).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Deepest nesting of arrays and dictionaries accepted in one object.
pub const MAX_DEPTH: usize = 64;
/// Most incremental revisions (cross-reference sections) accepted in one file.
pub const MAX_REVISIONS: usize = 4096;
/// Largest object number accepted (the PDF limit, ISO 32000-1 Annex C).
pub const MAX_OBJECT_NUMBER: u32 = 8_388_607;
/// Largest decompressed size of a stream this crate reads (the embedded study): 64 MiB.
pub const MAX_STUDY_BYTES: usize = 64 * 1024 * 1024;
/// Most signatures checked in one file.
pub const MAX_SIGNATURES: usize = 256;
/// Most pages walked in one page tree.
pub const MAX_PAGES: usize = 100_000;

/// Why a file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at byte {offset})")]
pub struct ParseError {
    /// Where in the file.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

fn err<T>(offset: usize, message: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError { offset, message: message.into() })
}

/// A dictionary: keys in file order, each once.
pub type Dict = Vec<(Vec<u8>, Obj)>;

/// A dictionary entry with the byte span of its value: key, value, start, end.
pub type SpannedEntry = (Vec<u8>, Obj, usize, usize);

/// A PDF object.
#[derive(Debug, Clone)]
pub enum Obj {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A real number.
    Real(f64),
    /// A name, `#xx` escapes decoded.
    Name(Vec<u8>),
    /// A string's bytes (literal or hex).
    Str(Vec<u8>),
    /// An array.
    Array(Vec<Obj>),
    /// A dictionary.
    Dict(Dict),
    /// An indirect reference.
    Ref(u32, u16),
    /// A stream: its dictionary and the byte range of its raw data in the file.
    Stream(Dict, usize, usize),
}

/// `d[key]`.
pub fn get<'a>(d: &'a Dict, key: &[u8]) -> Option<&'a Obj> {
    d.iter().find(|(k, _)| k.as_slice() == key).map(|(_, v)| v)
}

impl Obj {
    /// The dictionary of a dictionary or stream.
    pub fn dict(&self) -> Option<&Dict> {
        match self {
            Obj::Dict(d) | Obj::Stream(d, _, _) => Some(d),
            _ => None,
        }
    }
    /// The name's bytes.
    pub fn name(&self) -> Option<&[u8]> {
        match self {
            Obj::Name(n) => Some(n),
            _ => None,
        }
    }
    /// The integer.
    pub fn int(&self) -> Option<i64> {
        match self {
            Obj::Int(i) => Some(*i),
            _ => None,
        }
    }
    /// The object number of a reference.
    pub fn reference(&self) -> Option<u32> {
        match self {
            Obj::Ref(n, _) => Some(*n),
            _ => None,
        }
    }
    /// A short description for messages: `/Type` or `/Subtype`, else the kind.
    pub fn kind(&self) -> String {
        if let Some(d) = self.dict() {
            let t = get(d, b"Type").and_then(Obj::name);
            let s = get(d, b"Subtype").and_then(Obj::name);
            let mut out = String::new();
            for n in [t, s].into_iter().flatten() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push('/');
                out.push_str(&String::from_utf8_lossy(n));
            }
            if !out.is_empty() {
                return out;
            }
        }
        match self {
            Obj::Stream(..) => "stream".into(),
            Obj::Dict(_) => "dictionary".into(),
            Obj::Array(_) => "array".into(),
            _ => "value".into(),
        }
    }
}

/// Whether two objects say the same thing (reals within 1e-4, dictionaries in any key order).
pub fn same(a: &Obj, b: &Obj, pdf: &[u8]) -> bool {
    match (a, b) {
        (Obj::Null, Obj::Null) => true,
        (Obj::Bool(x), Obj::Bool(y)) => x == y,
        (Obj::Int(x), Obj::Int(y)) => x == y,
        (Obj::Real(x), Obj::Real(y)) => (x - y).abs() <= 1e-4 * x.abs().max(1.0),
        (Obj::Int(x), Obj::Real(y)) | (Obj::Real(y), Obj::Int(x)) => (*x as f64 - y).abs() <= 1e-4,
        (Obj::Name(x), Obj::Name(y)) | (Obj::Str(x), Obj::Str(y)) => x == y,
        (Obj::Ref(n, g), Obj::Ref(m, h)) => n == m && g == h,
        (Obj::Array(x), Obj::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q, pdf)),
        (Obj::Dict(x), Obj::Dict(y)) => same_dict(x, y, pdf, &[]),
        (Obj::Stream(x, s, e), Obj::Stream(y, t, f)) => {
            same_dict(x, y, pdf, &[b"Length"]) && pdf.get(*s..*e).is_some() && pdf.get(*s..*e) == pdf.get(*t..*f)
        }
        _ => false,
    }
}

/// Whether two dictionaries agree on every key but `ignore`.
pub fn same_dict(x: &Dict, y: &Dict, pdf: &[u8], ignore: &[&[u8]]) -> bool {
    differing_keys(x, y, pdf, ignore).is_empty()
}

/// The keys (but `ignore`) on which two dictionaries differ.
pub fn differing_keys(x: &Dict, y: &Dict, pdf: &[u8], ignore: &[&[u8]]) -> Vec<String> {
    let mut out = Vec::new();
    for (k, v) in x {
        if ignore.contains(&k.as_slice()) {
            continue;
        }
        if !get(y, k).is_some_and(|w| same(v, w, pdf)) {
            out.push(format!("/{}", String::from_utf8_lossy(k)));
        }
    }
    for (k, _) in y {
        if !ignore.contains(&k.as_slice()) && get(x, k).is_none() {
            out.push(format!("/{}", String::from_utf8_lossy(k)));
        }
    }
    out
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c | 0)
}

fn is_delim(c: u8) -> bool {
    matches!(c, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

/// A cursor over the file.
pub struct Lexer<'a> {
    /// The file.
    pub b: &'a [u8],
    /// Position.
    pub i: usize,
}

impl<'a> Lexer<'a> {
    /// A cursor at `i`.
    pub fn new(b: &'a [u8], i: usize) -> Self {
        Lexer { b, i }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Skips white space and comments.
    pub fn ws(&mut self) {
        while let Some(c) = self.peek() {
            if is_ws(c) {
                self.i += 1;
            } else if c == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.i += 1;
                }
            } else {
                break;
            }
        }
    }

    /// Consumes `kw` (after white space) when it is next, as a whole token.
    pub fn keyword(&mut self, kw: &[u8]) -> bool {
        self.ws();
        let end = self.i + kw.len();
        if self.b.get(self.i..end) == Some(kw) && self.b.get(end).is_none_or(|&c| is_ws(c) || is_delim(c)) {
            self.i = end;
            true
        } else {
            false
        }
    }

    /// An unsigned integer token (at most 19 digits).
    pub fn uint(&mut self) -> Option<u64> {
        self.ws();
        let s = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        if self.i == s || self.i - s > 19 || self.peek().is_some_and(|c| !is_ws(c) && !is_delim(c)) {
            self.i = s;
            return None;
        }
        std::str::from_utf8(&self.b[s..self.i]).ok()?.parse().ok()
    }

    /// One object (an indirect reference `n g R` included); `depth` counts enclosing containers.
    pub fn object(&mut self, depth: usize) -> Result<Obj, ParseError> {
        if depth > MAX_DEPTH {
            return err(self.i, format!("objects nested deeper than {MAX_DEPTH}"));
        }
        self.ws();
        let at = self.i;
        let Some(c) = self.peek() else { return err(at, "unexpected end of file") };
        match c {
            b'/' => {
                self.i += 1;
                Ok(Obj::Name(self.name_body()))
            }
            b'(' => self.literal().map(Obj::Str),
            b'<' if self.b.get(self.i + 1) == Some(&b'<') => {
                self.i += 2;
                let d = self.dict_body(depth)?;
                Ok(Obj::Dict(d))
            }
            b'<' => self.hex().map(Obj::Str),
            b'[' => {
                self.i += 1;
                let mut a = Vec::new();
                loop {
                    self.ws();
                    match self.peek() {
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Obj::Array(a));
                        }
                        None => return err(at, "array not closed"),
                        _ => a.push(self.object(depth + 1)?),
                    }
                }
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => self.number(),
            _ => {
                if self.keyword(b"true") {
                    Ok(Obj::Bool(true))
                } else if self.keyword(b"false") {
                    Ok(Obj::Bool(false))
                } else if self.keyword(b"null") {
                    Ok(Obj::Null)
                } else {
                    err(at, "not a PDF object")
                }
            }
        }
    }

    fn number(&mut self) -> Result<Obj, ParseError> {
        let s = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.')) {
            self.i += 1;
            if self.i - s > 64 {
                return err(s, "number longer than 64 characters");
            }
        }
        let tok = std::str::from_utf8(&self.b[s..self.i]).unwrap_or("");
        if !tok.contains('.') {
            let Ok(n) = tok.parse::<i64>() else { return err(s, "integer out of range") };
            // `n g R`?
            if n >= 0 {
                let save = self.i;
                if let Some(g) = self.uint()
                    && self.keyword(b"R")
                {
                    if n > i64::from(MAX_OBJECT_NUMBER) || g > 65_535 {
                        return err(s, "reference out of range");
                    }
                    return Ok(Obj::Ref(n as u32, g as u16));
                }
                self.i = save;
            }
            return Ok(Obj::Int(n));
        }
        match tok.parse::<f64>() {
            Ok(r) if r.is_finite() => Ok(Obj::Real(r)),
            _ if tok == "-." || tok == "." => Ok(Obj::Real(0.0)),
            _ => err(s, "malformed number"),
        }
    }

    fn name_body(&mut self) -> Vec<u8> {
        let mut n = Vec::new();
        while let Some(c) = self.peek() {
            if is_ws(c) || is_delim(c) {
                break;
            }
            self.i += 1;
            if c == b'#' {
                let h = self.b.get(self.i..self.i + 2).and_then(|h| std::str::from_utf8(h).ok());
                if let Some(v) = h.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    n.push(v);
                    self.i += 2;
                    continue;
                }
            }
            n.push(c);
        }
        n
    }

    fn literal(&mut self) -> Result<Vec<u8>, ParseError> {
        let at = self.i;
        self.i += 1;
        let mut v = Vec::new();
        let mut depth = 1usize;
        loop {
            let Some(c) = self.peek() else { return err(at, "string not closed") };
            self.i += 1;
            match c {
                b'\\' => {
                    let Some(e) = self.peek() else { return err(at, "string not closed") };
                    self.i += 1;
                    match e {
                        b'n' => v.push(b'\n'),
                        b'r' => v.push(b'\r'),
                        b't' => v.push(b'\t'),
                        b'b' => v.push(8),
                        b'f' => v.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.i += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut x = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        x = x * 8 + u32::from(d - b'0');
                                        self.i += 1;
                                    }
                                    _ => break,
                                }
                            }
                            v.push((x & 0xff) as u8);
                        }
                        x => v.push(x),
                    }
                }
                b'(' => {
                    depth += 1;
                    v.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(v);
                    }
                    v.push(c);
                }
                _ => v.push(c),
            }
        }
    }

    fn hex(&mut self) -> Result<Vec<u8>, ParseError> {
        let at = self.i;
        self.i += 1;
        let mut v = Vec::new();
        let mut hi: Option<u8> = None;
        loop {
            let Some(c) = self.peek() else { return err(at, "hex string not closed") };
            self.i += 1;
            let d = match c {
                b'>' => {
                    if let Some(h) = hi {
                        v.push(h << 4);
                    }
                    return Ok(v);
                }
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                c if is_ws(c) => continue,
                _ => return err(self.i - 1, "hex string holds a character that is not hex"),
            };
            match hi.take() {
                Some(h) => v.push(h << 4 | d),
                None => hi = Some(d),
            }
        }
    }

    fn dict_body(&mut self, depth: usize) -> Result<Dict, ParseError> {
        let at = self.i;
        let mut d: Dict = Vec::new();
        loop {
            self.ws();
            match self.peek() {
                Some(b'>') if self.b.get(self.i + 1) == Some(&b'>') => {
                    self.i += 2;
                    return Ok(d);
                }
                Some(b'/') => {
                    self.i += 1;
                    let k = self.name_body();
                    let v = self.object(depth + 1)?;
                    if get(&d, &k).is_some() {
                        return err(at, format!("dictionary has the key /{} twice", String::from_utf8_lossy(&k)));
                    }
                    d.push((k, v));
                }
                None => return err(at, "dictionary not closed"),
                _ => return err(self.i, "dictionary key is not a name"),
            }
        }
    }

    /// The entries of a dictionary starting here, each with the byte span of its value.
    pub fn dict_spans(&mut self) -> Result<Vec<SpannedEntry>, ParseError> {
        self.ws();
        if self.b.get(self.i..self.i + 2) != Some(b"<<") {
            return err(self.i, "not a dictionary");
        }
        self.i += 2;
        let mut out = Vec::new();
        loop {
            self.ws();
            match self.peek() {
                Some(b'>') if self.b.get(self.i + 1) == Some(&b'>') => {
                    self.i += 2;
                    return Ok(out);
                }
                Some(b'/') => {
                    self.i += 1;
                    let k = self.name_body();
                    self.ws();
                    let s = self.i;
                    let v = self.object(1)?;
                    out.push((k, v, s, self.i));
                }
                _ => return err(self.i, "malformed dictionary"),
            }
        }
    }
}

/// One cross-reference entry: in use at an offset, or free.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// In use: generation and byte offset.
    InUse(u16, usize),
    /// Free.
    Free,
}

/// One incremental revision.
#[derive(Debug, Clone)]
pub struct Revision {
    /// Offset of its `xref` keyword.
    pub xref: usize,
    /// First byte of the revision (0, or where the previous one ended).
    pub start: usize,
    /// One past its `%%EOF` line.
    pub end: usize,
    /// Its trailer.
    pub trailer: Dict,
    /// Its entries.
    pub entries: Vec<(u32, Entry)>,
}

/// A parsed file: its revisions, oldest first, and an object cache.
pub struct Pdf<'a> {
    /// The file.
    pub bytes: &'a [u8],
    /// Revisions, oldest first.
    pub revisions: Vec<Revision>,
    /// For each object number, (revision, entry) in revision order.
    index: HashMap<u32, Vec<(usize, Entry)>>,
    cache: RefCell<HashMap<usize, Rc<Obj>>>,
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

impl<'a> Pdf<'a> {
    /// Reads the revision chain from the last `startxref`.
    pub fn parse(bytes: &'a [u8]) -> Result<Self, ParseError> {
        if !bytes.starts_with(b"%PDF-") {
            return err(0, "not a PDF file (no %PDF- header)");
        }
        let tail_from = bytes.len().saturating_sub(1024);
        let Some(p) = find_last(&bytes[tail_from..], b"startxref") else {
            return err(bytes.len(), "no startxref in the last 1024 bytes");
        };
        let mut lx = Lexer::new(bytes, tail_from + p + 9);
        let Some(mut at) = lx.uint() else { return err(lx.i, "startxref is not followed by an offset") };
        let mut revs = Vec::new();
        let mut later: Option<usize> = None;
        loop {
            if revs.len() >= MAX_REVISIONS {
                return err(0, format!("more than {MAX_REVISIONS} revisions"));
            }
            let xref = usize::try_from(at).map_err(|_| ParseError { offset: 0, message: "offset too large".into() })?;
            if xref >= bytes.len() || later.is_some_and(|l| xref >= l) {
                return err(xref, "the cross-reference chain does not go backwards through the file");
            }
            let rev = Self::section(bytes, xref)?;
            later = Some(xref);
            let prev = match get(&rev.trailer, b"Prev") {
                None => None,
                Some(Obj::Int(p)) if *p >= 0 => Some(*p as u64),
                Some(_) => return err(xref, "/Prev is not an offset"),
            };
            revs.push(rev);
            match prev {
                Some(p) => at = p,
                None => break,
            }
        }
        revs.reverse();
        let mut start = 0;
        for (k, r) in revs.iter_mut().enumerate() {
            if r.xref < start {
                return err(r.xref, format!("revision {} overlaps the one before it", k + 1));
            }
            r.start = start;
            start = r.end;
        }
        let mut index: HashMap<u32, Vec<(usize, Entry)>> = HashMap::new();
        for (k, r) in revs.iter().enumerate() {
            for &(n, e) in &r.entries {
                if let Entry::InUse(_, off) = e
                    && off >= r.xref
                {
                    return err(r.xref, format!("object {n} lies after its revision's cross-reference table"));
                }
                let v = index.entry(n).or_default();
                // A section listing a number twice is ambiguous (readers disagree on which entry
                // counts): refused.
                if v.last().is_some_and(|&(rk, _)| rk == k) {
                    return err(r.xref, format!("object {n} is listed twice in one cross-reference section"));
                }
                v.push((k, e));
            }
        }
        Ok(Pdf { bytes, revisions: revs, index, cache: RefCell::new(HashMap::new()) })
    }

    fn section(b: &[u8], xref: usize) -> Result<Revision, ParseError> {
        let mut lx = Lexer::new(b, xref);
        if !lx.keyword(b"xref") {
            if lx.uint().is_some() {
                return err(xref, "cross-reference streams are not supported (Yeta writes classic tables)");
            }
            return err(xref, "startxref does not point at a cross-reference table");
        }
        let mut entries = Vec::new();
        loop {
            if lx.keyword(b"trailer") {
                break;
            }
            let (Some(first), Some(count)) = (lx.uint(), lx.uint()) else {
                return err(lx.i, "malformed cross-reference subsection");
            };
            // Each entry takes 20 bytes: a count beyond the bytes left is a lie.
            if count > (b.len().saturating_sub(lx.i) / 18) as u64 || first + count > u64::from(MAX_OBJECT_NUMBER) + 1 {
                return err(lx.i, "cross-reference subsection larger than the file");
            }
            for n in first..first + count {
                let (Some(off), Some(generation)) = (lx.uint(), lx.uint()) else {
                    return err(lx.i, "malformed cross-reference entry");
                };
                let e = if lx.keyword(b"n") {
                    let off = usize::try_from(off).ok().filter(|&o| o < b.len());
                    match (off, u16::try_from(generation)) {
                        (Some(o), Ok(g)) => Entry::InUse(g, o),
                        _ => return err(lx.i, "cross-reference entry points outside the file"),
                    }
                } else if lx.keyword(b"f") {
                    Entry::Free
                } else {
                    return err(lx.i, "cross-reference entry is neither n nor f");
                };
                if n > 0 {
                    entries.push((n as u32, e));
                }
            }
        }
        let trailer = match lx.object(0)? {
            Obj::Dict(d) => d,
            _ => return err(lx.i, "the trailer is not a dictionary"),
        };
        if get(&trailer, b"Encrypt").is_some() {
            return err(xref, "encrypted PDF files are not supported");
        }
        if get(&trailer, b"XRefStm").is_some() {
            return err(xref, "hybrid cross-reference files (/XRefStm) are not supported");
        }
        if !lx.keyword(b"startxref") || lx.uint() != Some(xref as u64) {
            return err(xref, format!("the revision at {xref} does not end with startxref {xref}"));
        }
        // `%` starts a comment for ws(): skip white space only.
        while lx.peek().is_some_and(is_ws) {
            lx.i += 1;
        }
        if b.get(lx.i..lx.i + 5) != Some(b"%%EOF") {
            return err(lx.i, format!("the revision at {xref} does not end with %%EOF"));
        }
        let end = Self::after_eol(b, lx.i + 5);
        Ok(Revision { xref, start: 0, end, trailer, entries })
    }

    fn after_eol(b: &[u8], mut i: usize) -> usize {
        if b.get(i) == Some(&b'\r') {
            i += 1;
        }
        if b.get(i) == Some(&b'\n') {
            i += 1;
        }
        i
    }

    /// The entry for object `n` in revision `rev`'s view (the latest section at or before it).
    pub fn entry(&self, n: u32, rev: usize) -> Option<Entry> {
        let v = self.index.get(&n)?;
        let k = v.partition_point(|&(r, _)| r <= rev);
        if k == 0 { None } else { Some(v[k - 1].1) }
    }

    /// Object numbers with an entry in a revision after `from`, up to `to`.
    pub fn touched_between(&self, from: usize, to: usize) -> Vec<u32> {
        let mut v: Vec<u32> =
            self.revisions.iter().take(to + 1).skip(from + 1).flat_map(|r| r.entries.iter().map(|&(n, _)| n)).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The object at `off`, which must be `n g obj … endobj`.
    pub fn object_at(&self, off: usize, n: u32, g: u16) -> Result<Rc<Obj>, ParseError> {
        if let Some(o) = self.cache.borrow().get(&off) {
            return Ok(o.clone());
        }
        let mut lx = Lexer::new(self.bytes, off);
        if lx.uint() != Some(u64::from(n)) || lx.uint() != Some(u64::from(g)) || !lx.keyword(b"obj") {
            return err(off, format!("the cross-reference table says object {n} {g} is here, but it is not"));
        }
        let o = lx.object(0)?;
        let o = match o {
            Obj::Dict(d) if lx.keyword(b"stream") => {
                let len = match get(&d, b"Length") {
                    Some(Obj::Int(l)) if *l >= 0 => *l as u64,
                    Some(Obj::Ref(..)) => return err(lx.i, "indirect stream /Length is not supported"),
                    _ => return err(lx.i, "stream without a valid /Length"),
                };
                let mut s = lx.i;
                if self.bytes.get(s) == Some(&b'\r') {
                    s += 1;
                }
                if self.bytes.get(s) == Some(&b'\n') {
                    s += 1;
                }
                let e = usize::try_from(len).ok().and_then(|l| s.checked_add(l)).filter(|&e| e <= self.bytes.len());
                let Some(e) = e else { return err(s, "stream /Length runs past the end of the file") };
                lx.i = e;
                if !lx.keyword(b"endstream") {
                    return err(e, "stream data is not followed by endstream (wrong /Length?)");
                }
                Obj::Stream(d, s, e)
            }
            o => o,
        };
        if !lx.keyword(b"endobj") {
            return err(lx.i, format!("object {n} {g} is not closed by endobj"));
        }
        let o = Rc::new(o);
        self.cache.borrow_mut().insert(off, o.clone());
        Ok(o)
    }

    /// Object `n` as revision `rev` sees it (`None` when free or absent).
    pub fn get(&self, n: u32, rev: usize) -> Result<Option<Rc<Obj>>, ParseError> {
        match self.entry(n, rev) {
            Some(Entry::InUse(g, off)) => self.object_at(off, n, g).map(Some),
            _ => Ok(None),
        }
    }

    /// Follows a reference (once); direct objects come back as they are.
    pub fn resolve(&self, o: &Obj, rev: usize) -> Result<Rc<Obj>, ParseError> {
        match o {
            Obj::Ref(n, g) => match self.entry(*n, rev) {
                Some(Entry::InUse(eg, off)) if eg == *g => self.object_at(off, *n, *g),
                _ => Ok(Rc::new(Obj::Null)),
            },
            o => Ok(Rc::new(o.clone())),
        }
    }

    /// The last revision's index.
    pub fn last(&self) -> usize {
        self.revisions.len().saturating_sub(1)
    }

    /// The catalog's object number and dictionary in revision `rev`.
    pub fn catalog(&self, rev: usize) -> Result<(u32, Dict), ParseError> {
        let r = self.revisions.get(rev).ok_or_else(|| ParseError { offset: 0, message: "no revision".into() })?;
        let Some(n) = get(&r.trailer, b"Root").and_then(Obj::reference) else {
            return err(r.xref, "the trailer has no /Root");
        };
        match self.get(n, rev)?.as_deref() {
            Some(Obj::Dict(d)) => Ok((n, d.clone())),
            _ => err(r.xref, "the catalog is not a dictionary"),
        }
    }

    /// The page objects of revision `rev`, in order.
    pub fn pages(&self, rev: usize) -> Result<Vec<u32>, ParseError> {
        let (_, cat) = self.catalog(rev)?;
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut stack: Vec<(Obj, usize)> = vec![(get(&cat, b"Pages").cloned().unwrap_or(Obj::Null), 0)];
        while let Some((o, depth)) = stack.pop() {
            let Some(n) = o.reference() else { continue };
            if !seen.insert(n) || depth > MAX_DEPTH || out.len() >= MAX_PAGES {
                return err(0, "the page tree has a cycle, is too deep or has too many pages");
            }
            let node = self.resolve(&o, rev)?;
            let Some(d) = node.dict() else { continue };
            match get(d, b"Type").and_then(Obj::name) {
                Some(b"Pages") => {
                    if let Some(Obj::Array(kids)) = get(d, b"Kids") {
                        for k in kids.iter().rev() {
                            stack.push((k.clone(), depth + 1));
                        }
                    }
                }
                _ => out.push(n),
            }
        }
        Ok(out)
    }
}

/// Inflates a FlateDecode stream, refusing output beyond `limit` bytes and truncated input.
pub fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    use flate2::{Decompress, FlushDecompress, Status};
    let mut d = Decompress::new(true);
    let mut out: Vec<u8> = Vec::with_capacity(data.len().saturating_mul(4).min(limit).min(1 << 20));
    loop {
        if out.len() == out.capacity() {
            if out.len() >= limit {
                return Err(format!("decompresses to more than {limit} bytes"));
            }
            out.reserve_exact((out.len().max(4096)).min(limit - out.len()));
        }
        let (in_before, out_before) = (d.total_in(), d.total_out());
        let consumed = usize::try_from(in_before).unwrap_or(usize::MAX);
        let input = data.get(consumed..).unwrap_or(&[]);
        let status = d.decompress_vec(input, &mut out, FlushDecompress::None).map_err(|e| format!("corrupt: {e}"))?;
        if out.len() > limit {
            return Err(format!("decompresses to more than {limit} bytes"));
        }
        if status == Status::StreamEnd {
            return Ok(out);
        }
        let progressed = d.total_in() != in_before || d.total_out() != out_before;
        if !progressed && out.len() < out.capacity() {
            return Err("truncated: the compressed data ends before its end marker".into());
        }
    }
}
