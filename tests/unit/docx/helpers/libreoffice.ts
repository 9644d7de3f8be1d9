/**
 * LibreOffice as an independent reader of the DOCX: headless conversion to text or PDF, with a
 * private profile and a fontconfig that adds Noto Sans (from the npm font package), so the layout
 * uses the family the DOCX names rather than a fallback.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const fontFaces = [
  '400Regular/NotoSans_400Regular',
  '700Bold/NotoSans_700Bold',
  '400Regular_Italic/NotoSans_400Regular_Italic',
  '700Bold_Italic/NotoSans_700Bold_Italic',
];

export function hasLibreOffice(): boolean {
  try {
    execFileSync('which', ['soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A scratch directory with the LibreOffice profile, the font config and room for conversions. Without
 * `installNotoSans` LibreOffice has only the system's fonts (and those a DOCX embeds).
 */
export function makeWorkDir({ installNotoSans = true } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'skrivelse-docx-'));
  const fontDir = join(dir, 'fonts');
  mkdirSync(fontDir);
  const pkgDir = dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));
  if (installNotoSans)
    for (const face of fontFaces)
      symlinkSync(join(pkgDir, `${face}.ttf`), join(fontDir, `${basename(face)}.ttf`));
  writeFileSync(
    join(dir, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${fontDir}</dir>\n  <cachedir>${join(dir, 'fontcache')}</cachedir>\n</fontconfig>\n`,
  );
  return dir;
}

/** Converts `files` to `format` ("txt:Text", "pdf") in one LibreOffice run; returns the output paths. */
export function convert(workDir: string, files: string[], format: string): string[] {
  const outDir = join(workDir, 'out');
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=${pathToFileURL(join(workDir, 'profile')).href}`,
      '--convert-to',
      format,
      '--outdir',
      outDir,
      ...files,
    ],
    {
      stdio: 'pipe',
      timeout: 240_000,
      env: { ...process.env, FONTCONFIG_FILE: join(workDir, 'fonts.conf') },
    },
  );
  const extension = format.split(':')[0]!;
  return files.map((file) => join(outDir, basename(file).replace(/\.[^.]+$/, `.${extension}`)));
}
