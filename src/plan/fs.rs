//! The folder helpers every part of plan storage shares (store, backups, the lock):
//! making a private folder and making a rename in a folder durable. Nothing else here,
//! so none of those parts needs another to reach them.

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
