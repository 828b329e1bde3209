//! File writing that never leaves a half-written file behind.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Prefix of the temporary files outputs are written to before the rename.
pub const TEMP_PREFIX: &str = ".recto-tmp-";

/// Writes `bytes` to `path` through a temporary file in the same directory,
/// renamed into place only once complete: a reader (or a rerun after a
/// crash) sees the old file or the new one, never a part.
///
/// A path that names a device or a pipe (`/dev/stdout`, `/dev/full`) is
/// written in place: renaming over it would replace the device.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        return f
            .write_all(bytes)
            .and_then(|()| f.flush())
            .map_err(|e| Error::io(path, e));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    // Outputs get the usual permissions (0666 less the umask), not the
    // owner-only mode of a temporary file.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    tmp.flush().map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Whether `a` and `b` are the same existing file, whatever links or `..`
/// lead to it. A path that does not exist yet is no existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Refuses an output path that is one of the inputs: Recto never writes
/// over what it reads.
pub fn refuse_overwriting_input(output: &Path, inputs: &[&Path]) -> Result<()> {
    match inputs.iter().find(|input| same_file(output, input)) {
        Some(input) => Err(Error::Usage(format!(
            "{}: writing there would overwrite the input {}; choose another path",
            output.display(),
            input.display()
        ))),
        None => Ok(()),
    }
}

/// Removes temporary files a killed run left in `dir`.
pub fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_atomic(&p, b"hello").unwrap();
        write_atomic(&p, b"again").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"again");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn full_disk_is_an_error_not_a_panic() {
        let full = Path::new("/dev/full");
        if full.exists() {
            let err = write_atomic(full, b"x").unwrap_err();
            assert!(err.to_string().contains("/dev/full"), "{err}");
            let kind = std::fs::metadata(full).unwrap().file_type();
            assert!(!kind.is_file(), "the device is still a device");
        }
    }
}
