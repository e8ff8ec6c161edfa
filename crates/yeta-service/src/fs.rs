//! Files written whole, never over an input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use thiserror::Error;

/// Why a file could not be read, written or used as an output.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum FsError {
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// An output is the same file as an input.
    #[error("{output}: this output is the input {input}; refusing to overwrite it (nothing was written)")]
    OutputIsInput {
        /// The output as given.
        output: PathBuf,
        /// The input it is.
        input: PathBuf,
    },
    /// Two outputs are the same file.
    #[error("{first} and {second} are the same file; give each output its own file (nothing was written)")]
    SameOutput {
        /// One output.
        first: PathBuf,
        /// The other.
        second: PathBuf,
    },
    /// An output's directory does not exist, or the output is a directory.
    #[error("{path}: {why} (nothing was written)")]
    BadOutput {
        /// The output as given.
        path: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// A text file is not UTF-8.
    #[error("{path}: not UTF-8 text (byte {offset})")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Where the first bad byte is.
        offset: usize,
    },
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The directory a path's file lives in (`.` for a bare name).
fn dir_of(path: &Path) -> &Path {
    path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Writes `bytes` to `path` atomically: a new temporary file in the same directory, written and
/// fsynced, renamed over `path`, then the directory fsynced. A crash (even SIGKILL) leaves the
/// old file or the new one, never a torn one; on any error the temporary file is removed and
/// `path` is untouched. (A SIGKILL between create and rename can leave a `.NAME.PID.N.tmp`
/// file, never `path` itself torn.)
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    let io = |source| FsError::Io { path: path.to_path_buf(), source };
    let dir = dir_of(path);
    let name = path.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let mut created = false;
    let result = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        created = true;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        created = false;
        std::fs::File::open(dir)?.sync_all()
    })();
    if created {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}

/// A file's (device, inode).
type Id = (u64, u64);

/// A file's identity: (device, inode) when it exists.
#[cfg(unix)]
fn identity(p: &Path) -> Option<Id> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_: &Path) -> Option<Id> {
    None
}

/// Where a path would be written: its canonical directory joined with its file name (the file
/// itself may not exist yet).
fn resolved(p: &Path) -> Result<PathBuf, FsError> {
    if let Ok(c) = std::fs::canonicalize(p) {
        return Ok(c);
    }
    let dir = dir_of(p);
    let name =
        p.file_name().ok_or_else(|| FsError::BadOutput { path: p.to_path_buf(), why: "not a file name".into() })?;
    let d = std::fs::canonicalize(dir).map_err(|_| FsError::BadOutput {
        path: p.to_path_buf(),
        why: format!("the directory {} does not exist", dir.display()),
    })?;
    Ok(d.join(name))
}

/// Checks outputs before any work: each output's directory exists and the output is not a
/// directory; no output is the same file as an input (by canonical path or by device and inode,
/// so hard links and symbolic links are caught); no two outputs are the same file. `-` (standard
/// output) is skipped. Pass the library database among the inputs when there is one.
pub fn check_outputs(inputs: &[&Path], outputs: &[&Path]) -> Result<(), FsError> {
    let inputs: Vec<(&Path, Option<PathBuf>, Option<Id>)> =
        inputs.iter().map(|p| (*p, std::fs::canonicalize(p).ok(), identity(p))).collect();
    let mut seen: Vec<(&Path, PathBuf, Option<Id>)> = Vec::new();
    for &out in outputs {
        if out == Path::new("-") {
            continue;
        }
        if out.is_dir() {
            return Err(FsError::BadOutput { path: out.to_path_buf(), why: "is a directory".into() });
        }
        let r = resolved(out)?;
        let id = identity(out);
        for (input, canon, iid) in &inputs {
            if canon.as_ref() == Some(&r) || (id.is_some() && id == *iid) {
                return Err(FsError::OutputIsInput { output: out.to_path_buf(), input: input.to_path_buf() });
            }
        }
        for (first, fr, fid) in &seen {
            if *fr == r || (id.is_some() && id == *fid) {
                return Err(FsError::SameOutput { first: first.to_path_buf(), second: out.to_path_buf() });
            }
        }
        seen.push((out, r, id));
    }
    Ok(())
}

/// Reads a text file (a study, a rule set, a table): UTF-8, with a leading byte-order mark
/// removed (Windows editors save one).
pub fn read_text(path: &Path) -> Result<String, FsError> {
    let bytes = std::fs::read(path).map_err(|source| FsError::Io { path: path.to_path_buf(), source })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").map(<[u8]>::to_vec).unwrap_or(bytes);
    String::from_utf8(bytes)
        .map_err(|e| FsError::NotUtf8 { path: path.to_path_buf(), offset: e.utf8_error().valid_up_to() })
}

/// Removes a leading byte-order mark from text already read.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmpdir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("yeta-service-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("tmp dir");
        d
    }

    fn leftovers(d: &Path) -> Vec<String> {
        std::fs::read_dir(d)
            .map(|r| r.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn writes_whole_files_and_leaves_no_temp() {
        let d = tmpdir("w");
        let p = d.join("a.json");
        atomic_write(&p, b"one").expect("write");
        atomic_write(&p, b"two").expect("rewrite");
        assert_eq!(std::fs::read(&p).expect("read"), b"two");
        assert_eq!(leftovers(&d), vec!["a.json".to_owned()]);
        // A failing rename (the target is a non-empty directory) removes the temp file.
        let sub = d.join("sub");
        std::fs::create_dir_all(sub.join("x")).expect("dir");
        assert!(atomic_write(&sub, b"x").is_err());
        let mut l = leftovers(&d);
        l.sort();
        assert_eq!(l, vec!["a.json".to_owned(), "sub".to_owned()]);
        assert!(atomic_write(&d.join("no/such/dir/f"), b"x").is_err());
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn outputs_are_checked() {
        let d = tmpdir("c");
        let s = d.join("s.json");
        std::fs::write(&s, "{}").expect("write");
        let e = check_outputs(&[&s], &[&s]).expect_err("same as input");
        assert!(matches!(e, FsError::OutputIsInput { .. }), "{e}");
        // Another spelling of the same file.
        let other = d.join(".").join("s.json");
        assert!(check_outputs(&[&s], &[&other]).is_err());
        // A hard link.
        let link = d.join("link.json");
        std::fs::hard_link(&s, &link).expect("link");
        assert!(matches!(check_outputs(&[&s], &[&link]), Err(FsError::OutputIsInput { .. })));
        // Two outputs, the same new file.
        let o = d.join("o.json");
        assert!(matches!(check_outputs(&[&s], &[&o, &d.join("./o.json")]), Err(FsError::SameOutput { .. })));
        let e = check_outputs(&[&s], &[&o, Path::new("/nonexistent/r.pdf")]).expect_err("no dir");
        assert!(e.to_string().contains("/nonexistent does not exist"), "{e}");
        assert!(check_outputs(&[&s], &[&d]).is_err());
        check_outputs(&[&s], &[&o, &d.join("p.pdf"), Path::new("-")]).expect("fine");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_byte_order_mark_is_removed() {
        let d = tmpdir("b");
        let p = d.join("s.json");
        std::fs::write(&p, b"\xEF\xBB\xBF{\"a\": 1}").expect("write");
        assert_eq!(read_text(&p).expect("read"), "{\"a\": 1}");
        assert_eq!(strip_bom("\u{feff}x"), "x");
        std::fs::write(&p, b"{\xff}").expect("write");
        assert!(matches!(read_text(&p), Err(FsError::NotUtf8 { offset: 1, .. })));
        let _ = std::fs::remove_dir_all(&d);
    }
}
