# Build the Windows release: the PyInstaller bundle, its self-test, then the setup program.
#
#     powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
#     powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1 -Python "C:\Python311\python.exe"
#
# Needs: 64-bit Python 3.11+ (py launcher or -Python) and Inno Setup 6.3+ (ISCC.exe on PATH,
# in Program Files, or -Iscc). Makes a fresh virtual environment in .venv-build, installs
# the project with its PostgreSQL driver and PyInstaller, builds dist\frontdesk\, runs
# dist\frontdesk\frontdesk-cli.exe --self-test, and compiles installer\frontdesk.iss into
# dist\installer\frontdesk-setup-<version>.exe. Any failing step stops the build.
param(
    [string]$Python = "",
    [string]$Iscc = "",
    [switch]$SkipSetup
)

$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Step {
    param([string]$What, [scriptblock]$Command)
    Write-Host "== $What"
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

# -- Python and the version from pyproject.toml ------------------------------------------
if (-not $Python) {
    if (Get-Command py -ErrorAction SilentlyContinue) { $Python = (& py -3 -c "import sys; print(sys.executable)") }
    else { $Python = (Get-Command python -ErrorAction Stop).Source }
}
$Version = & $Python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"
if ($LASTEXITCODE -ne 0 -or -not $Version) { throw "could not read the version from pyproject.toml with $Python" }
$Numbers = @([regex]::Matches($Version, '\d+') | Select-Object -First 4 | ForEach-Object { $_.Value })
while ($Numbers.Count -lt 4) { $Numbers += "0" }
$VersionNumeric = $Numbers -join "."
Write-Host "== frontdesk $Version ($VersionNumeric) with $Python"

# -- a clean build environment -------------------------------------------------------------
$Venv = Join-Path $Root ".venv-build"
if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
Invoke-Step "virtual environment" { & $Python -m venv $Venv }
$VenvPython = Join-Path $Venv "Scripts\python.exe"
Invoke-Step "pip upgrade" { & $VenvPython -m pip install --quiet --upgrade pip }
Invoke-Step "install frontdesk[postgres,sound] and PyInstaller" {
    & $VenvPython -m pip install --quiet ".[postgres,sound]" "pyinstaller>=6.10,<7"
}

# -- the bundle and its self-test ----------------------------------------------------------
$Started = Get-Date
Invoke-Step "PyInstaller" {
    & $VenvPython -m PyInstaller --noconfirm --clean --log-level WARN `
        --distpath dist --workpath build\pyinstaller installer\frontdesk.spec
}
$BuildSeconds = [int]((Get-Date) - $Started).TotalSeconds
$Bundle = Join-Path $Root "dist\frontdesk"
$SizeMB = [math]::Round(((Get-ChildItem $Bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB), 1)
Write-Host "== bundle: $Bundle, $SizeMB MB, built in $BuildSeconds s"

$Watch = [System.Diagnostics.Stopwatch]::StartNew()
Invoke-Step "frozen self-test" { & (Join-Path $Bundle "frontdesk-cli.exe") --self-test }
Write-Host "== self-test: $($Watch.ElapsedMilliseconds) ms from start to exit"

if ($SkipSetup) { return }

# -- the setup program -----------------------------------------------------------------------
if (-not $Iscc) {
    $Found = Get-Command iscc -ErrorAction SilentlyContinue
    if ($Found) { $Iscc = $Found.Source }
    else {
        $Iscc = @(
            "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
            "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
            "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
        ) | Where-Object { Test-Path $_ } | Select-Object -First 1
    }
}
if (-not $Iscc) { throw "ISCC.exe not found: install Inno Setup 6.3+ or pass -Iscc <path>" }
Invoke-Step "Inno Setup" {
    & $Iscc "/DAppVersion=$Version" "/DAppVersionNumeric=$VersionNumeric" installer\frontdesk.iss
}
Write-Host "== setup: dist\installer\frontdesk-setup-$Version.exe"
