//! The folder helpers every part of plan storage shares (store, backups, the lock):
//! making a private folder, making a rename in a folder durable, telling whether two
//! names are one file. Nothing else here, so none of those parts needs another.

use std::fs;
use std::io;
use std::path::Path;

/// Creates the folder (and its parents), readable by its owner only on Unix.
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Makes a rename durable where the platform allows syncing a folder.
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = fs::File::open(dir) {
        // A failed folder sync leaves the rename in the page cache; the data is synced.
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Whether two names are links to one file. A rename from one to the other does
/// nothing and leaves both, so callers check first.
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => same_identity(&a, &b),
        _ => false,
    }
}

/// Whether two files' metadata are of one file (the same device and inode).
#[cfg(unix)]
pub(crate) fn same_identity(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// Without inodes to compare, two files are two files.
#[cfg(not(unix))]
pub(crate) fn same_identity(_a: &fs::Metadata, _b: &fs::Metadata) -> bool {
    false
}
