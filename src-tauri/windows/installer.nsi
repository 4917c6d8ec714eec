; The Windows installer of Ý Kiến, built on Linux by `cargo xtask dist` with Debian's makensis.
;
; A per-user install (no administrator rights, nothing downloaded): the program goes to
; %LOCALAPPDATA%\Programs\YKien, with shortcuts in the Start menu and on the desktop and an
; entry in "Apps & features". The office's data is NOT here: the app keeps its database in
; %LOCALAPPDATA%\YKien, which this script never writes, moves or deletes, in particular not
; when uninstalling. Installing a newer version over an older one replaces the program files
; only; the app brings the database up to date when it next opens it.
;
; The installer asks what this PC is in the office (docs/windows.md):
; - «Máy trạm» (a desk): the app only, as above; at its first start the app asks whether it
;   keeps its data on this PC or connects to the office server.
; - «Máy chủ» (the server): the same, then `ykien service install`, run with administrator
;   rights (Windows asks for them once, for that step only): the office server as a Windows
;   service, its data in %ProgramData%\YKien, its port opened in the firewall on private and
;   domain networks only. A database the app of the user installing already kept becomes the
;   server's when the server has none yet. The app of the user installing is then paired with the server on
;   127.0.0.1 (`ykien service pair`). Uninstalling removes the service and its firewall rule
;   (again with administrator rights) and leaves the data.
; Silent installs choose with /SERVER (otherwise a desk); an upgrade keeps the previous choice.
;
; Defines given by xtask (absolute paths: makensis resolves relative ones from this folder):
;   VERSION     the version, e.g. 0.1.0        VERSION4  the same with four numbers, 0.1.0.0
;   STAGE       the folder holding the files to install (the same as the portable .zip)
;   OUTFILE     the installer to write         ICON      the app's .ico

; 64-bit like the app: on a 32-bit Windows, which cannot run the app, the installer itself
; refuses to start rather than install something that will not run.
Target amd64-unicode
SetCompressor /SOLID lzma
; A dictionary larger than the two programs together (the app and bin\ykien.exe, 25 MB each,
; much of them the same core): the second compresses against the first. 17.7 MB → 12.7 MB;
; unpacking needs 64 MB of memory, which any PC that runs the app has.
SetCompressorDictSize 64
ManifestDPIAware true
RequestExecutionLevel user

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WordFunc.nsh"
!include "FileFunc.nsh"
!include "nsDialogs.nsh"

!define PRODUCT "Ý Kiến"
!define EXE "YKien.exe"
; The command line, which also runs the office server and installs its service. In a folder of
; its own: Windows' file names ignore case, and ykien.exe would be YKien.exe, the app.
!define CLI "bin\ykien.exe"
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
Page custom RolePage RolePageLeave
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

; "server" or "desk": what this PC is in the office.
Var Role
Var RadioDesk
Var RadioServer

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
  ReadRegStr $Role HKCU "${UNINSTALL_KEY}" "Role"
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/SERVER" $R1
  ${IfNot} ${Errors}
    StrCpy $Role "server"
  ${EndIf}
  ${If} $Role != "server"
    StrCpy $Role "desk"
  ${EndIf}
FunctionEnd

Function RolePage
  !insertmacro MUI_HEADER_TEXT "Máy này dùng Ý Kiến thế nào?" "Chọn vai trò của máy tính này trong cơ quan."
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 20u "Cơ quan có một máy chủ giữ sổ ghi nhận chung; các máy khác là máy trạm kết nối tới máy chủ đó. Cơ quan chỉ dùng một máy thì chọn Máy trạm."
  Pop $0
  ${NSD_CreateRadioButton} 0 26u 100% 12u "Máy trạm"
  Pop $RadioDesk
  ${NSD_CreateLabel} 12u 39u 95% 20u "Máy làm việc của cán bộ. Khi mở lần đầu, Ý Kiến hỏi: dùng dữ liệu trên máy này, hay kết nối máy chủ trong cơ quan."
  Pop $0
  ${NSD_CreateRadioButton} 0 64u 100% 12u "Máy chủ"
  Pop $RadioServer
  ${NSD_CreateLabel} 12u 77u 95% 40u "Máy giữ dữ liệu chung, bật suốt giờ làm việc. Cài dịch vụ máy chủ Ý Kiến chạy cùng Windows (dữ liệu trong %ProgramData%\YKien) và mở cổng 7443 trong tường lửa cho mạng nội bộ. Windows sẽ hỏi quyền quản trị."
  Pop $0
  ${If} $Role == "server"
    ${NSD_Check} $RadioServer
  ${Else}
    ${NSD_Check} $RadioDesk
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function RolePageLeave
  ${NSD_GetState} $RadioServer $0
  ${If} $0 == ${BST_CHECKED}
    StrCpy $Role "server"
  ${Else}
    StrCpy $Role "desk"
  ${EndIf}
FunctionEnd

; The office server as a Windows service, with administrator rights for this step only. Its
; outcome is read back with `ykien service status` (0 only when the service runs), since an
; elevated program's exit code does not come back through the shell.
Function InstallServer
  DetailPrint "Cài dịch vụ máy chủ Ý Kiến (Windows hỏi quyền quản trị)…"
  ; It also takes the database this user's app kept until now as the server's, when the
  ; server has none yet (docs/windows.md).
  ExecShellWait "runas" "$INSTDIR\${CLI}" "service install" SW_HIDE
  nsExec::ExecToLog '"$INSTDIR\${CLI}" service status'
  Pop $0
  ${If} $0 == 0
    nsExec::ExecToLog '"$INSTDIR\${CLI}" service pair'
    Pop $0
    MessageBox MB_OK|MB_ICONINFORMATION "Máy chủ Ý Kiến đã chạy trên máy này và tự chạy mỗi khi Windows khởi động.$\r$\n$\r$\nMở Ý Kiến trên máy này, vào «Cài đặt › Máy chủ» để xem địa chỉ và mã ghép nối, rồi nhập chúng ở từng máy trạm." /SD IDOK
  ${Else}
    MessageBox MB_OK|MB_ICONEXCLAMATION "Chưa cài được dịch vụ máy chủ (có thể chưa cho phép quyền quản trị).$\r$\n$\r$\nHãy mở «Command Prompt» bằng «Run as administrator» và chạy:$\r$\n$\"$INSTDIR\${CLI}$\" service install" /SD IDOK
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
  SetOutPath "$INSTDIR\bin"
  File "${STAGE}\${CLI}"
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
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Role" "$Role"

  ${If} $Role == "server"
    Call InstallServer
  ${EndIf}
SectionEnd

; Removes the program files one by one, never a folder recursively: the install folder may
; have been chosen as one holding other files, and the data folder must survive. What the
; office added beside the program (a WebView2Runtime folder) is left, and so is the folder.
Section "Uninstall"
  SetShellVarContext current
  ; The service first (it runs a copy of the program kept in %ProgramFiles%\YKien); its data
  ; in %ProgramData%\YKien stays.
  ReadRegStr $0 HKCU "${UNINSTALL_KEY}" "Role"
  ${If} $0 == "server"
    ExecShellWait "runas" "$INSTDIR\${CLI}" "service uninstall" SW_HIDE
  ${EndIf}
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI}"
  RMDir "$INSTDIR\bin"
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
