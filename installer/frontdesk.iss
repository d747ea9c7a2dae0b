; Inno Setup 6 script: one setup program for the Windows desk PC.
;
; Built by installer\build_windows.ps1, which reads the version from pyproject.toml:
;   iscc /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 installer\frontdesk.iss
; Needs Inno Setup 6.3 or newer (the x64compatible architecture name) and the PyInstaller
; bundle in dist\frontdesk\ (frontdesk.exe windowed, frontdesk-cli.exe console).
;
; What it does:
; - installs per machine under Program Files (admin rights), one fixed AppId, so an
;   upgrade replaces the program in place;
; - the data folder is the one the app uses on Windows, platformdirs'
;   site_data_dir("frontdesk", "frontdesk") = C:\ProgramData\frontdesk\frontdesk, created
;   here with Modify rights for the Users group (the desk's Windows accounts), so every
;   account can write the database, its backups and the logs; the data lives outside
;   {app}, so an upgrade keeps it and the app migrates it on its next start, after the
;   backup copy the app takes before every migration;
; - Start-menu shortcuts for the kiosk and for the supervisor workspace (--supervisor);
; - an optional task: start the kiosk full screen at logon, for every account;
; - uninstall leaves the data, unless the person uninstalling says Yes to deleting it
;   (the question defaults to No, and a silent uninstall never deletes it).
;
; This file is UTF-8 with a byte-order mark: keep it so (Chinese custom messages).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z (build_windows.ps1 reads pyproject.toml)
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif
#ifndef AppName
  #define AppName "frontdesk"
#endif
#ifndef DistDir
  #define DistDir "..\dist\frontdesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist\installer"
#endif
#define AppExe "frontdesk.exe"
#define AppPublisher "frontdesk"
; platformdirs on Windows: {commonappdata}\<appauthor>\<appname> (frontdesk.APP_AUTHOR, APP_NAME).
#define DataRoot "{commonappdata}\frontdesk"
#define DataDir DataRoot + "\frontdesk"

; Traditional Chinese is not among the languages the Inno Setup 6 installer ships
; (it is an unofficial, user-contributed translation: Files\Languages\Unofficial in the
; Inno Setup sources, https://jrsoftware.org/files/istrans/). Use it when the build
; machine has it, installed into Inno's Languages folder or placed next to this script;
; otherwise the setup is English only and the compiler says so.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseTraditional.isl")
  #define ZhTwMessages "compiler:Languages\ChineseTraditional.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\ChineseTraditional.isl")
  #define ZhTwMessages "compiler:Languages\Unofficial\ChineseTraditional.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseTraditional.isl")
  #define ZhTwMessages AddBackslash(SourcePath) + "ChineseTraditional.isl"
#else
  #pragma warning "ChineseTraditional.isl not found: building an English-only setup"
#endif

[Setup]
; Fixed for the life of the product: Windows and upgrades recognise the app by it.
AppId={{59789CBC-7DED-48FA-9347-872F1C578FC7}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\frontdesk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=frontdesk-setup-{#AppVersion}
SetupIconFile=..\resources\icons\frontdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoProductName={#AppName}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoCompany={#AppPublisher}
VersionInfoDescription={#AppName} {#AppVersion} setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; A running kiosk holds files in {app}: close it through the Restart Manager, and let the
; post-install checkbox start it again.
CloseApplications=yes
RestartApplications=no

[Languages]
#ifdef ZhTwMessages
Name: "zh_TW"; MessagesFile: "{#ZhTwMessages}"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
en.GroupName=Front desk volunteers
en.KioskShortcut=Front desk (kiosk)
en.SupervisorShortcut=Supervisor workspace
en.AutoStartTask=Start the kiosk full screen when anyone logs on to this PC
en.DesktopTask=Create a desktop shortcut to the kiosk
en.ShortcutsGroup=Shortcuts:
en.LaunchKiosk=Start the front desk kiosk now
en.SelfTestRunning=Checking the installed program...
en.SelfTestFailed=The installed program did not pass its self-test (exit code %1).%n%nRun "%2" --self-test in a command prompt to see which part is missing, or reinstall.
en.DeleteDataAsk=Also delete the desk's data: the database, its backups and the logs in%n%n%1%n%nChoose No to keep them; installing frontdesk again will use them.
#ifdef ZhTwMessages
zh_TW.GroupName=服務台志工值勤管理
zh_TW.KioskShortcut=服務台簽到（志工）
zh_TW.SupervisorShortcut=志工督導工作區
zh_TW.AutoStartTask=任何帳號登入這台電腦時，以全螢幕開啟服務台簽到
zh_TW.DesktopTask=在桌面建立服務台簽到的捷徑
zh_TW.ShortcutsGroup=捷徑：
zh_TW.LaunchKiosk=現在開啟服務台簽到
zh_TW.SelfTestRunning=正在檢查安裝的程式……
zh_TW.SelfTestFailed=安裝的程式沒有通過自我檢查（結束代碼 %1）。%n%n請在命令提示字元執行 "%2" --self-test 查看缺少的部分，或重新安裝。
zh_TW.DeleteDataAsk=是否一併刪除服務台的資料：資料庫、備份與紀錄檔？位置：%n%n%1%n%n選「否」會保留資料，日後重新安裝 frontdesk 時會繼續使用。
#endif

[Tasks]
Name: "autostart"; Description: "{cm:AutoStartTask}"; GroupDescription: "{cm:ShortcutsGroup}"; Flags: unchecked
Name: "desktopicon"; Description: "{cm:DesktopTask}"; GroupDescription: "{cm:ShortcutsGroup}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: no module of the old version may linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; The data folder, writable by every account of the desk PC (inherited by new files,
; so a database written by one account stays writable for the next). Never removed by
; the uninstaller itself: see CurUninstallStepChanged below.
Name: "{#DataRoot}"; Permissions: users-modify; Flags: uninsneveruninstall
Name: "{#DataDir}"; Permissions: users-modify; Flags: uninsneveruninstall
Name: "{#DataDir}\backups"; Permissions: users-modify; Flags: uninsneveruninstall
Name: "{#DataDir}\logs"; Permissions: users-modify; Flags: uninsneveruninstall

[Icons]
Name: "{autoprograms}\{cm:GroupName}\{cm:KioskShortcut}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{cm:GroupName}\{cm:SupervisorShortcut}"; Filename: "{app}\{#AppExe}"; Parameters: "--supervisor"; WorkingDir: "{app}"
Name: "{commonstartup}\{cm:KioskShortcut}"; Filename: "{app}\{#AppExe}"; Parameters: "--fullscreen"; WorkingDir: "{app}"; Tasks: autostart
Name: "{autodesktop}\{cm:KioskShortcut}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; Not as the administrator who ran the setup: as the person who started it.
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchKiosk}"; WorkingDir: "{app}"; Flags: postinstall nowait skipifsilent runasoriginaluser

[Code]
{ After the files are in place, run the frozen self-test: an antivirus that quarantined a
  DLL, or a damaged download, shows up here rather than at the desk on Monday. It works
  in a temporary folder and does not touch the desk's data. }
procedure CurStepChanged(CurStep: TSetupStep);
var
  ResultCode: Integer;
  Cli: String;
begin
  if CurStep = ssPostInstall then
  begin
    Cli := ExpandConstant('{app}\frontdesk-cli.exe');
    WizardForm.StatusLabel.Caption := CustomMessage('SelfTestRunning');
    if not Exec(Cli, '--self-test', ExpandConstant('{app}'), SW_HIDE,
                ewWaitUntilTerminated, ResultCode) then
      ResultCode := -1;
    if (ResultCode <> 0) and not WizardSilent then
      MsgBox(FmtMessage(CustomMessage('SelfTestFailed'), [IntToStr(ResultCode), Cli]),
             mbError, MB_OK);
    if ResultCode <> 0 then
      Log(Format('self-test failed with exit code %d', [ResultCode]));
  end;
end;

{ The data stays unless the person uninstalling explicitly says Yes (No is the default
  button; a silent uninstall, e.g. by IT's software deployment, keeps it). }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{#DataDir}');
    if DirExists(DataDir) and not UninstallSilent then
    begin
      if MsgBox(FmtMessage(CustomMessage('DeleteDataAsk'), [DataDir]), mbConfirmation,
                MB_YESNO or MB_DEFBUTTON2) = IDYES then
      begin
        if DelTree(DataDir, True, True, True) then
          RemoveDir(ExpandConstant('{#DataRoot}'))  { only when nothing else is in it }
        else
          Log('could not delete every file in ' + DataDir);
      end;
    end;
  end;
end;
