; PAHT Console installer for Windows workstations (Inno Setup 6).
;
; NOT RUN on this project's CI machine (Linux, no Windows runner): written against Inno Setup's
; documented behaviour and built by .github/workflows/windows-bundle.yml on a Windows runner.
;
; It installs the one-folder PyInstaller bundle (`pyinstaller packaging/pyinstaller/paht-console.spec`,
; the same spec `make bundle` runs: dist\paht-console) for the current user only, so an operator
; without administrator rights can install and update it. The operator's data, settings and
; logs live elsewhere (%LOCALAPPDATA%\paht-console, see the README) and survive an uninstall.
;
; ASCII only: Inno Setup reads a script without a byte-order mark in the ANSI code page.
; Build: iscc /DAppVersion=0.1.0 packaging\windows\paht-console.iss

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "PAHT Console"
#define AppExe "paht-console.exe"

[Setup]
AppId={{6F1C2B7E-3D4A-4E8B-9C55-0A7D2E1F4B63}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=IOC Hue
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=paht-console-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\paht-console\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent
