"""The Windows artefacts of `cargo xtask dist`, packed and read back.

    dist_check.py zip STAGE_DIR OUT.zip             pack the portable build
    dist_check.py check ZIP INSTALLER VERSION       check both artefacts, print their sizes

The checks read the files as Windows will: the .exe's PE header and version resource with
`pefile` (PyPI), the installer's payload with 7-Zip (which opens NSIS installers), the zip
with Python's zipfile. Any failure exits 1 naming what is wrong.
"""

import os
import subprocess
import sys
import zipfile

import pefile

APP = "YKien.exe"
# In a folder of its own: Windows' file names ignore case, and ykien.exe is YKien.exe there.
CLI = "bin/ykien.exe"
TOP = "YKien"
README = "ĐỌC TÔI.txt"
PRODUCT = "Ý Kiến"
ZIP_FILES = {
    f"{TOP}/{APP}",
    f"{TOP}/{CLI}",
    f"{TOP}/WebView2Loader.dll",
    f"{TOP}/{README}",
    f"{TOP}/licences/LiberationSerif-LICENSE.txt",
}
# uninstall.exe is written by the installer itself, and 7-Zip shows it among the files.
INSTALLED_FILES = {APP, CLI, "WebView2Loader.dll", README, "licences/LiberationSerif-LICENSE.txt", "uninstall.exe"}
# 15 MB until the installer carried the command line too (bin\ykien.exe: the office server
# and its Windows service), a second executable with the whole core in it: 15.5 MB since
# (6 December, with the app built without the server: fat LTO had already left the unused
# server code out of it, so the app went only from 24.4 to 24.1 MB). 17.7 MB with the print
# preview (PDF.js, in both programs) and the kiosk; 12.7 MB once the installer's dictionary
# (64 MB) holds both programs, so the second compresses against the first.
INSTALLER_LIMIT_MB = 16
INSTALLER_LIMIT = INSTALLER_LIMIT_MB * 1024 * 1024
# The app is a desk of the office server or works on its own file: it never serves, and is
# built without the core's `server` feature. The server's crates leave their source paths in
# an executable (panic locations): none may be in the app, and the command line, which runs
# the server, must have them, or the app's check would prove nothing.
SERVER_CRATES = [b"axum-0.", b"axum-server-0.", b"rcgen-0."]
IMAGE_FILE_MACHINE_AMD64 = 0x8664
IMAGE_SUBSYSTEM_WINDOWS_GUI = 2
IMAGE_SUBSYSTEM_WINDOWS_CUI = 3

problems = []


def expect(ok, what):
    if not ok:
        problems.append(what)
    return ok


def pack(stage, out):
    """The stage folder as `YKien/...`, names in UTF-8 (zipfile sets the UTF-8 flag for
    non-ASCII names, which 7-Zip and current Windows honour)."""
    tmp = out + ".part"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for folder, _, files in sorted(os.walk(stage)):
            for name in sorted(files):
                path = os.path.join(folder, name)
                z.write(path, TOP + "/" + os.path.relpath(path, stage).replace(os.sep, "/"))
    os.replace(tmp, out)


def version_strings(pe):
    """StringFileInfo of a PE's version resource, as a dict of str."""
    out = {}
    for info in getattr(pe, "FileInfo", None) or []:
        for entry in info:
            if getattr(entry, "Key", b"") == b"StringFileInfo":
                for table in entry.StringTable:
                    for k, v in table.entries.items():
                        out[k.decode("utf-8", "replace")] = v.decode("utf-8", "replace")
    return out


def fixed_version(pe):
    ffi = pe.VS_FIXEDFILEINFO[0]
    ms, ls = ffi.FileVersionMS, ffi.FileVersionLS
    return f"{ms >> 16}.{ms & 0xFFFF}.{ls >> 16}.{ls & 0xFFFF}"


def has_resource(pe, type_id):
    root = getattr(pe, "DIRECTORY_ENTRY_RESOURCE", None)
    return root is not None and any(e.id == type_id for e in root.entries)


def check_app(data, version):
    pe = pefile.PE(data=data)
    expect(pe.FILE_HEADER.Machine == IMAGE_FILE_MACHINE_AMD64, f"{APP}: not an x64 executable")
    expect(pe.OPTIONAL_HEADER.Subsystem == IMAGE_SUBSYSTEM_WINDOWS_GUI, f"{APP}: not a GUI program (a console window would open behind it)")
    imports = {e.dll.decode().lower() for e in getattr(pe, "DIRECTORY_ENTRY_IMPORT", [])}
    expect("webview2loader.dll" in imports, f"{APP}: does not import WebView2Loader.dll ({sorted(imports)})")
    strings = version_strings(pe)
    for key, want in [("ProductName", PRODUCT), ("FileDescription", PRODUCT), ("FileVersion", version), ("ProductVersion", version)]:
        expect(strings.get(key) == want, f"{APP}: version resource {key} is {strings.get(key)!r}, expected {want!r}")
    expect(fixed_version(pe) == version4(version), f"{APP}: fixed file version {fixed_version(pe)}")
    expect(has_resource(pe, pefile.RESOURCE_TYPE["RT_GROUP_ICON"]), f"{APP}: no icon")
    found = server_crates(data)
    expect(not found, f"{APP}: carries the office server ({', '.join(found)}); build it without the core's `server` feature")
    return strings


def server_crates(data):
    return [m.decode() for m in SERVER_CRATES if m in data]


def check_cli(data):
    """The command line: an x64 console program (a Windows service runs it without a window)."""
    pe = pefile.PE(data=data)
    expect(pe.FILE_HEADER.Machine == IMAGE_FILE_MACHINE_AMD64, f"{CLI}: not an x64 executable")
    expect(pe.OPTIONAL_HEADER.Subsystem == IMAGE_SUBSYSTEM_WINDOWS_CUI, f"{CLI}: not a console program")
    imports = {e.dll.decode().lower() for e in getattr(pe, "DIRECTORY_ENTRY_IMPORT", [])}
    expect("advapi32.dll" in imports, f"{CLI}: does not import advapi32.dll, the service manager's ({sorted(imports)})")
    found = server_crates(data)
    expect(len(found) == len(SERVER_CRATES), f"{CLI}: the office server's crates not all found (only {found}): the app's check for them would prove nothing")


def check_installer(path, version):
    pe = pefile.PE(path)
    expect(pe.FILE_HEADER.Machine == IMAGE_FILE_MACHINE_AMD64, "installer: not a 64-bit Windows executable")
    strings = version_strings(pe)
    for key, want in [("ProductName", PRODUCT), ("ProductVersion", version), ("FileVersion", version)]:
        expect(strings.get(key) == want, f"installer: version resource {key} is {strings.get(key)!r}, expected {want!r}")
    expect(fixed_version(pe) == version4(version), f"installer: fixed file version {fixed_version(pe)}")
    expect(os.path.getsize(path) < INSTALLER_LIMIT, f"installer: {os.path.getsize(path)} bytes, over the {INSTALLER_LIMIT_MB} MB goal")
    # 7-Zip lists an NSIS installer's payload after the installer itself: files for $INSTDIR
    # by their path below it, NSIS's own plug-ins under `$PLUGINSDIR/`.
    listing = subprocess.run(["7z", "l", "-slt", "-sccUTF-8", path], capture_output=True, text=True, encoding="utf-8")
    if expect(listing.returncode == 0, f"installer: 7z cannot read it: {listing.stderr.strip()}"):
        paths = [line[len("Path = "):] for line in listing.stdout.splitlines() if line.startswith("Path = ")]
        installed = {p for p in paths[1:] if not p.startswith("$")}
        expect(installed == INSTALLED_FILES, f"installer: installs {sorted(installed)}, expected {sorted(INSTALLED_FILES)}")
    return strings


def version4(version):
    return ".".join(version.split("-")[0].split("+")[0].split(".") + ["0"])


def check(zip_path, installer, version):
    with zipfile.ZipFile(zip_path) as z:
        names = set(z.namelist())
        expect(names == ZIP_FILES, f"zip: holds {sorted(names)}, expected {sorted(ZIP_FILES)}")
        expect(z.testzip() is None, "zip: a damaged member")
        for info in z.infolist():
            if not info.filename.isascii():
                expect(info.flag_bits & 0x800, f"zip: {info.filename} without the UTF-8 name flag")
        sizes = {i.filename: i.file_size for i in z.infolist()}
        app = z.read(f"{TOP}/{APP}") if f"{TOP}/{APP}" in names else b""
        cli = z.read(f"{TOP}/{CLI}") if f"{TOP}/{CLI}" in names else b""
        readme = z.read(f"{TOP}/{README}") if f"{TOP}/{README}" in names else b""
    if expect(app, "zip: no app"):
        check_app(app, version)
    if expect(cli, "zip: no command line"):
        check_cli(cli)
    expect(readme.startswith(b"\xef\xbb\xbf") and b"\r\n" in readme, f"{README}: not UTF-8 with a BOM and CRLF lines")
    text = readme.decode("utf-8-sig", "replace")
    for needed in [version, "WebView2", "Evergreen Standalone Installer", "%LOCALAPPDATA%\\YKien\\ykien.db"]:
        expect(needed in text, f"{README}: does not mention {needed}")
    check_installer(installer, version)

    mb = lambda n: f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"
    print(f"{os.path.basename(installer)}: {mb(os.path.getsize(installer))}")
    print(f"{os.path.basename(zip_path)}: {mb(os.path.getsize(zip_path))}")
    for name in sorted(sizes):
        print(f"  {name}: {mb(sizes[name])}")
    if problems:
        print("\n".join(["the Windows artefacts are wrong:"] + [f"  - {p}" for p in problems]), file=sys.stderr)
        sys.exit(1)
    print("artefacts checked: file lists, PE headers, version resources, installer size")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "zip":
        pack(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
