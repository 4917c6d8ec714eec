; The Windows installer of Ý Kiến, built on Linux by `cargo xtask dist` with Debian's makensis.
;
; A per-user install (no administrator rights, nothing downloaded): the program goes to
; %LOCALAPPDATA%\Programs\YKien, with shortcuts in the Start menu and on the desktop and an
; entry in "Apps & features". The office's data is NOT here: the app keeps its database in
; %LOCALAPPDATA%\YKien, which this script never writes, moves or deletes, in particular not
; when uninstalling. Installing a newer version over an older one replaces the program files
; only; the app brings the database up to date when it next opens it.
;
; Defines given by xtask (absolute paths: makensis resolves relative ones from this folder):
;   VERSION     the version, e.g. 0.1.0        VERSION4  the same with four numbers, 0.1.0.0
;   STAGE       the folder holding the files to install (the same as the portable .zip)
;   OUTFILE     the installer to write         ICON      the app's .ico

; 64-bit like the app: on a 32-bit Windows, which cannot run the app, the installer itself
; refuses to start rather than install something that will not run.
Target amd64-unicode
SetCompressor /SOLID lzma
ManifestDPIAware true
RequestExecutionLevel user

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WordFunc.nsh"

!define PRODUCT "Ý Kiến"
!define EXE "YKien.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\YKien"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\YKien"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Cài đặt ${PRODUCT} ${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "LegalCopyright" "© 2026 ${PRODUCT}. Giấy phép MIT."

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${PRODUCT}"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

; An older version over a newer one is refused: the newer version may already have brought
; the database to a schema the older one cannot read (the app would refuse to open it).
Function .onInit
  ReadRegStr $0 HKCU "${UNINSTALL_KEY}" "DisplayVersion"
  ${If} $0 != ""
    ${VersionCompare} "$0" "${VERSION}" $1
    ${If} $1 == 1
      MessageBox MB_OK|MB_ICONSTOP "Máy này đã có ${PRODUCT} phiên bản $0, mới hơn bộ cài đặt này (${VERSION}).$\r$\n$\r$\nKhông thể cài phiên bản cũ hơn lên phiên bản mới: dữ liệu đã được cập nhật cho phiên bản mới. Hãy dùng bộ cài đặt phiên bản $0 hoặc mới hơn." /SD IDOK
      Abort
    ${EndIf}
  ${EndIf}
FunctionEnd

Section "Install"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${STAGE}\${EXE}"
  File "${STAGE}\WebView2Loader.dll"
  File "${STAGE}\ĐỌC TÔI.txt"
  SetOutPath "$INSTDIR\licences"
  File "${STAGE}\licences\*.*"
  SetOutPath "$INSTDIR"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${EXE}"
  CreateShortCut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\${EXE}"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Removes the program files one by one, never a folder recursively: the install folder may
; have been chosen as one holding other files, and the data folder must survive. What the
; office added beside the program (a WebView2Runtime folder) is left, and so is the folder.
Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\ĐỌC TÔI.txt"
  Delete "$INSTDIR\licences\*.*"
  RMDir "$INSTDIR\licences"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
