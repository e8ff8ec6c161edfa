//! Limits on untrusted files. A spreadsheet comes from outside: a few kilobytes can declare a
//! sheet of 17 billion cells or unpack to gigabytes. Each limit is far above any real study's
//! lines (a study has tens of lines over at most a few decades of years) and keeps one import
//! within a few hundred megabytes of memory and a few seconds. A breach is a one-line error
//! naming the sheet, cell or row; no message echoes more than [`SHOWN_CHARS`] characters of a
//! cell.

/// The largest CSV or workbook file read, in bytes (32 MiB).
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;
/// The largest unpacked size of one part of a ZIP-based workbook (XLSX, XLSM, XLSB, ODS), e.g.
/// `xl/sharedStrings.xml` or a sheet's XML, in bytes (64 MiB); checked by unpacking.
pub const MAX_PART_BYTES: usize = 64 * 1024 * 1024;
/// The most rows a sheet's values may span (from row 1).
pub const MAX_ROWS: usize = 10_000;
/// The most columns a sheet's values may span (from column A): 1,000 is column ALL.
pub const MAX_COLS: usize = 1_000;
/// The most cells of the rectangle from A1 to the last value (rows × columns).
pub const MAX_GRID_CELLS: usize = 2_000_000;
/// The longest cell text, in characters (Excel's own limit is 32,767).
pub const MAX_CELL_CHARS: usize = 32_767;
/// How much of a cell a message shows before `…`.
pub const SHOWN_CHARS: usize = 40;

/// `s` cut to `n` characters, with `…` when cut.
pub fn clip(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// A cell's text for a message: at most [`SHOWN_CHARS`] characters.
pub fn brief(s: &str) -> String {
    clip(s, SHOWN_CHARS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_text_is_cut() {
        assert_eq!(super::clip("abcdef", 3), "abc…");
        assert_eq!(super::clip("가나다", 3), "가나다");
        assert_eq!(super::brief(&"x".repeat(1000)).chars().count(), super::SHOWN_CHARS + 1);
    }
}
