//! Refusing network drives. SQLite's file locking is unreliable over SMB and NFS, and two PCs
//! writing one file through a share corrupts it; offices do try to "share" the database that
//! way, so the app refuses and says why.

use std::path::Path;

/// The kind of network file system `path` lives on, or `None` when it is local.
pub fn network_filesystem(path: &Path) -> Option<String> {
    if is_unc(path) {
        return Some("UNC".into());
    }
    platform::network_filesystem(path)
}

/// `\\server\share\…` (and `\\?\UNC\server\…`), but not the local `\\?\C:\…` form.
fn is_unc(path: &Path) -> bool {
    let s = path.to_string_lossy().replace('/', "\\");
    if let Some(rest) = s.strip_prefix("\\\\?\\") {
        return rest.len() >= 4 && rest[..4].eq_ignore_ascii_case("UNC\\");
    }
    s.starts_with("\\\\")
}

/// File system types that live on another machine.
const NETWORK_FS: &[&str] =
    &["nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "fuse.sshfs", "ceph", "glusterfs"];

/// From the text of `/proc/self/mountinfo`, the file system type of the mount that holds
/// `path` (the longest mount point that is a prefix of it), when it is a network one.
pub fn network_fs_in_mountinfo(mountinfo: &str, path: &Path) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for line in mountinfo.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let Some(sep) = fields.iter().position(|f| *f == "-") else { continue };
        let (Some(mount_point), Some(fs_type)) = (fields.get(4), fields.get(sep + 1)) else { continue };
        let mount_point = mount_point.replace("\\040", " ");
        if path.starts_with(&mount_point) && best.is_none_or(|(len, _)| mount_point.len() >= len) {
            best = Some((mount_point.len(), fs_type));
        }
    }
    best.map(|(_, t)| t).filter(|t| NETWORK_FS.contains(t)).map(str::to_owned)
}

/// The nearest existing ancestor, made absolute, so a file not yet created is judged by the
/// folder it will go in.
#[cfg_attr(windows, allow(dead_code))]
fn existing_ancestor(path: &Path) -> Option<std::path::PathBuf> {
    let abs = std::path::absolute(path).ok()?;
    abs.ancestors().find_map(|a| a.canonicalize().ok())
}

#[cfg(target_os = "linux")]
mod platform {
    use std::path::Path;
    pub fn network_filesystem(path: &Path) -> Option<String> {
        let dir = super::existing_ancestor(path)?;
        let info = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
        super::network_fs_in_mountinfo(&info, &dir)
    }
}

#[cfg(windows)]
mod platform {
    use std::os::windows::ffi::OsStrExt;
    use std::path::{Component, Path};

    pub fn network_filesystem(path: &Path) -> Option<String> {
        let abs = std::path::absolute(path).ok()?;
        let Some(Component::Prefix(prefix)) = abs.components().next() else { return None };
        let mut root: Vec<u16> = prefix.as_os_str().encode_wide().collect();
        root.extend("\\\0".encode_utf16());
        // SAFETY: `root` is a NUL-terminated UTF-16 string that outlives the call.
        #[allow(unsafe_code)]
        let kind = unsafe { windows_sys::Win32::Storage::FileSystem::GetDriveTypeW(root.as_ptr()) };
        (kind == windows_sys::Win32::System::WindowsProgramming::DRIVE_REMOTE).then(|| "mapped network drive".into())
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
mod platform {
    pub fn network_filesystem(_path: &std::path::Path) -> Option<String> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unc_paths_are_network() {
        assert!(is_unc(Path::new(r"\\fileserver\ISO\ykien.db")));
        assert!(is_unc(Path::new("//fileserver/ISO/ykien.db")));
        assert!(is_unc(Path::new(r"\\?\UNC\fileserver\ISO\ykien.db")));
        assert!(!is_unc(Path::new(r"\\?\C:\Users\An\ykien.db")));
        assert!(!is_unc(Path::new(r"C:\Users\An\ykien.db")));
        assert!(!is_unc(Path::new("/home/an/ykien.db")));
    }

    #[test]
    fn mountinfo_longest_prefix_wins() {
        let info = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/vda rw
40 22 0:35 / /mnt/share rw,relatime shared:2 - cifs //srv/iso rw
41 40 8:2 / /mnt/share/local rw - ext4 /dev/vdb rw
42 22 0:36 / /mnt/my\\040nfs rw - nfs4 srv:/x rw";
        assert_eq!(network_fs_in_mountinfo(info, Path::new("/mnt/share/a.db")), Some("cifs".into()));
        assert_eq!(network_fs_in_mountinfo(info, Path::new("/mnt/share/local/a.db")), None);
        assert_eq!(network_fs_in_mountinfo(info, Path::new("/home/a.db")), None);
        assert_eq!(network_fs_in_mountinfo(info, Path::new("/mnt/my nfs/a.db")), Some("nfs4".into()));
        // "/mnt/shared" is not inside "/mnt/share".
        assert_eq!(network_fs_in_mountinfo(info, Path::new("/mnt/shared/a.db")), None);
    }
}
