; ShopSync - Inno Setup script (Inno Setup 6.3 or later, Windows only).
; Saved as UTF-8 with a BOM: Inno Setup reads a file without one in the ANSI code page, which
; would garble the French messages.
;
; Builds dist\ShopSync-<version>-setup.exe from the PyInstaller bundle in dist\shopsync\:
;     make dist                                   (or: cd installer && pyinstaller shopsync.spec)
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\shopsync.iss
; The version comes from shopsync.exe's version resource (written by the spec from
; shopsync.__version__ by installer/version_info.py); override with ISCC /DAppVersion=1.2.3.
;
; Why it is built this way (docs/build.md has the long form):
; - Per-user install (no administrator rights, none of the shop PCs' IT policies to fight): the
;   program goes to %LOCALAPPDATA%\Programs\ShopSync, shortcuts to the user's Start menu, the
;   autostart entry to HKCU\...\Run.
; - The data (config.toml, shopsync.db, logs\) lives in %LOCALAPPDATA%\ShopSync - platformdirs'
;   user data folder, NOT under {app} - so an upgrade, which replaces {app}\_internal wholesale,
;   never touches it, and uninstalling keeps it unless the user says yes to removing it.
; - The AppId below is fixed forever: it is how a new version finds and replaces the old one.

#define AppName "ShopSync"
#define AppExe "shopsync.exe"
#define CliExe "shopsync-cli.exe"
#define BundleDir AddBackslash(SourcePath) + "..\dist\shopsync"

#if !FileExists(BundleDir + "\" + AppExe)
  #error dist\shopsync\shopsync.exe is missing: run "make dist" first (on Windows)
#endif
; The text version ("0.1.0") names the installer and shows in "Apps"; the numeric one
; ("0.1.0.0") goes in the setup's own version resource, which accepts digits only.
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\" + AppExe, "FileVersion")
#endif
#define NumericVersion GetVersionNumbersString(BundleDir + "\" + AppExe)

#if FileExists(AddBackslash(SourcePath) + "..\resources\icons\shopsync.ico")
  #define SetupIcon AddBackslash(SourcePath) + "..\resources\icons\shopsync.ico"
#else
  #define SetupIcon AddBackslash(SourcePath) + "shopsync.ico"
#endif

[Setup]
; Never change this GUID: upgrades and the uninstaller entry are keyed on it.
AppId={{6B0E8F3A-2C47-4D15-9A8E-5F31C2B7D904}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ShopSync
VersionInfoVersion={#NumericVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} - installation
; Per-user: no UAC prompt; {userpf} is %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
UsePreviousTasks=yes
; Qt 6 needs Windows 10 or later, 64-bit.
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; The tray app may be running during an upgrade: Restart Manager asks to close it, and the
; "Launch ShopSync" box on the last page starts the new version.
CloseApplications=yes
RestartApplications=no
OutputDir=..\dist
OutputBaseFilename=ShopSync-{#AppVersion}-setup
SetupIconFile={#SetupIcon}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
SetupLogging=yes
ShowLanguageDialog=auto

[Languages]
; French first: the default when Windows' language matches neither.
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fr.AutoStart=Démarrer ShopSync avec Windows (recommandé : la synchronisation tourne en continu)
en.AutoStart=Start ShopSync with Windows (recommended: syncing runs all the time)
fr.StartupGroup=Démarrage :
en.StartupGroup=Startup:
fr.DataFolder=Dossier des données ShopSync
en.DataFolder=ShopSync data folder
fr.RemoveDataQuestion=Supprimer aussi les données de ShopSync ?%n%n%1%n%nCe dossier contient les réglages (config.toml), l'historique des synchronisations (shopsync.db) et les journaux.%n%nRépondez Non pour les garder (par exemple pour une réinstallation) : c'est le choix par défaut.
en.RemoveDataQuestion=Also remove ShopSync's data?%n%n%1%n%nThis folder holds the settings (config.toml), the sync history (shopsync.db) and the logs.%n%nAnswer No to keep them (for a reinstall, for example): that is the default.
fr.RemoveDataFailed=Certains fichiers de %1 n'ont pas pu être supprimés. Vous pouvez effacer ce dossier à la main.
en.RemoveDataFailed=Some files in %1 could not be removed. You can delete that folder by hand.

[Tasks]
Name: "autostart"; Description: "{cm:AutoStart}"; GroupDescription: "{cm:StartupGroup}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's internals wholesale: a file dropped by the new version must not
; linger from the old one. Only {app} is touched; the data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; Created now so the Start-menu shortcut to it works before the first run; never uninstalled
; by Inno itself (the [Code] section below asks first).
Name: "{localappdata}\{#AppName}"; Flags: uninsneveruninstall

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:DataFolder}"; Filename: "{localappdata}\{#AppName}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; "Start with Windows": the tray app, for this user only, straight to the tray (no window at logon). Unticking the task on an upgrade removes
; the value a previous install wrote (UsePreviousTasks would otherwise leave it behind).
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "{#AppName}"; ValueData: """{app}\{#AppExe}"" gui --minimized"; Flags: uninsdeletevalue; Tasks: autostart
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: none; ValueName: "{#AppName}"; Flags: deletevalue uninsdeletevalue; Tasks: not autostart

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; The tray app holds its files open: stop this user's copies before the files go.
Filename: "{sys}\taskkill.exe"; Parameters: "/F /T /IM {#AppExe}"; Flags: runhidden; RunOnceId: "StopShopSync"
Filename: "{sys}\taskkill.exe"; Parameters: "/F /T /IM {#CliExe}"; Flags: runhidden; RunOnceId: "StopShopSyncCli"

[Code]
var
  RemoveData: Boolean;

function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\{#AppName}');
end;

{ The data stays unless the user answers Yes (default button: No). A silent uninstall keeps it,
  unless run as "unins000.exe /SILENT /REMOVEDATA". }
function WantsDataRemoved(): Boolean;
begin
  if UninstallSilent() then
    Result := Pos('/REMOVEDATA', Uppercase(GetCmdTail())) > 0
  else
    Result := MsgBox(FmtMessage(CustomMessage('RemoveDataQuestion'), [DataDir()]),
      mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  ResultCode: Integer;
begin
  if CurUninstallStep = usUninstall then
    RemoveData := WantsDataRemoved();
  if (CurUninstallStep = usPostUninstall) and RemoveData then
  begin
    if DirExists(DataDir()) and not DelTree(DataDir(), True, True, True) then
    begin
      if not UninstallSilent() then
        MsgBox(FmtMessage(CustomMessage('RemoveDataFailed'), [DataDir()]), mbError, MB_OK);
    end;
    { The site token lives in Windows' Credential Manager (keyring, service "shopsync"). }
    Exec(ExpandConstant('{sys}\cmdkey.exe'), '/delete:shopsync', '', SW_HIDE,
      ewWaitUntilTerminated, ResultCode);
  end;
end;
