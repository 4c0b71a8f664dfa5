; Inno Setup script of the Windows installer; run by packaging/build.py on Windows (ISCC.exe from
; Inno Setup 6 on PATH), which passes the version, the frozen folder and the output folder:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=dist\incident-journal /DOutputDir=dist /DIconFile=…\incident-journal.ico incident-journal.iss
; Per-user install (no administrator rights, nothing written for other users), a Start-menu
; entry, an uninstaller; English, Russian and Ukrainian set-up screens.
#ifndef AppVersion
  #define AppVersion "0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\incident-journal"
#endif
#ifndef IconFile
  #define IconFile "incident-journal.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
AppId={{6B1E4C52-9A0B-4B8E-9C55-3E1F0D7A2C41}
AppName=Incident Journal
AppVersion={#AppVersion}
AppPublisher=Incident Journal
DefaultDirName={userpf}\Incident Journal
DefaultGroupName=Incident Journal
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=incident-journal-{#AppVersion}-windows-x86_64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\incident-journal.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; No "recent documents", no file associations: the app records nothing of the user's outside the journal.
ChangesAssociations=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "uk"; MessagesFile: "compiler:Languages\Ukrainian.isl"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\Incident Journal"; Filename: "{app}\incident-journal.exe"
Name: "{group}\{cm:UninstallProgram,Incident Journal}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\incident-journal.exe"; Description: "{cm:LaunchProgram,Incident Journal}"; Flags: nowait postinstall skipifsilent
