; Inno Setup (6.3 or later) script: the Windows installer of custdesk.
;
;   bash installer/build.sh                  (Git Bash) builds dist\custdesk and the icon
;   iscc installer\windows\custdesk.iss      writes dist\custdesk-<version>-setup.exe
;
; Installs for the current user by default (no administrator needed; the setup offers
; "all users" too), with a Start-menu folder, a desktop shortcut (a task, ticked) and an
; uninstaller. The uninstaller removes the program only: databases, key files and backups
; live in %LOCALAPPDATA%\custdesk, which this script never names, so they stay.

#define AppName "custdesk"
#define AppExe "custdesk.exe"
#define Dist AddBackslash(SourcePath) + "..\..\dist\custdesk"
#define Prepared AddBackslash(SourcePath) + "..\..\build\bundle-data"

#if !FileExists(Dist + "\" + AppExe)
  #error dist\custdesk\custdesk.exe is missing: run installer/build.sh first
#endif
; The version is the program's own (custdesk/__init__.py, written into the exe by custdesk.spec).
#define AppVersion GetStringFileInfo(Dist + "\" + AppExe, "ProductVersion")

[Setup]
; The AppId ties upgrades and the uninstaller to earlier installs: never change it.
AppId={{DF9A3107-86C7-46F7-8283-2DFEF3E6061E}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile={#Prepared}\custdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir={#AddBackslash(SourcePath)}..\..\dist
OutputBaseFilename=custdesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running custdesk holds its files open: the setup and the uninstaller ask to close it.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Chinese where this Inno Setup has the (contributed) translation.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define Chinese "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\ChineseSimplified.isl")
  #define Chinese "compiler:Languages\Unofficial\ChineseSimplified.isl"
#endif
#ifdef Chinese
Name: "chinesesimplified"; MessagesFile: "{#Chinese}"
#endif

[CustomMessages]
english.DataKept=custdesk has been removed. Your databases, keys and backups in %1 were kept; delete that folder yourself only when you no longer need them.
english.CommandLine=custdesk command line
#ifdef Chinese
chinesesimplified.DataKept=custdesk 已卸载。%1 中的数据库、密钥文件和备份已保留；确定不再需要时再自行删除该文件夹。
chinesesimplified.CommandLine=custdesk 命令行
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
; A console in the program's folder, for the commands (custdesk-cli.exe --help).
Name: "{group}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k ""{app}\custdesk-cli.exe"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\custdesk')]),
           mbInformation, MB_OK);
end;
