/**
 * Where the two versions come from: a case file, an archived PDF (its embedded case file), or a git
 * revision (`REV:path`, or `--git REV` for the same path in an older revision).
 */
import { execFile } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { readRegularFileBytes } from '../util/regular-file.js';
import { extractEmbeddedCase } from './embedded.js';

export interface SourceText {
  /** Shown in output: the path, `REV:path`, or `fil.pdf (ärende.md)`. */
  label: string;
  /** Name used in diagnostics. */
  file: string;
  bytes: Uint8Array;
  /**
   * The file in the working tree this version is of (absolute): the file itself, or for a git revision the
   * same path checked out. A meeting file's case paths are relative to its folder. Absent for a PDF.
   */
  path?: string;
}

const maxGitBytes = 16 * 1024 * 1024;

/** A revision is never read as a git option (`--output=…` would make git write a file). */
function checkRevision(rev: string): void {
  if (rev.startsWith('-') || /[\u0000-\u001f\u007f]/.test(rev)) {
    throw new UsageError(
      `"${rev}" är ingen git-revision.`,
      'En revision är till exempel HEAD, HEAD~1, main eller v1.0, och börjar aldrig med "-".',
    );
  }
}

/** Runs `git show SPEC` in `cwd`; a failure becomes a Swedish UsageError with git's own message. */
export function gitShow(spec: string, cwd: string): Promise<Uint8Array> {
  checkRevision(spec);
  return new Promise((done, fail) => {
    execFile(
      'git',
      // --end-of-options: whatever SPEC looks like, git takes it as an object name, never as a flag.
      ['show', '--end-of-options', spec],
      { cwd, encoding: 'buffer', maxBuffer: maxGitBytes, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return done(new Uint8Array(stdout));
        const code = (error as { code?: string | number }).code;
        const detail = Buffer.from(stderr ?? '')
          .toString('utf8')
          .trim();
        fail(
          new UsageError(
            code === 'ENOENT'
              ? 'Kommandot git finns inte på den här datorn.'
              : `Kunde inte hämta ${spec} ur git: ${explainGit(detail)}`,
            code === 'ENOENT'
              ? 'Installera git, eller jämför två filer i stället.'
              : 'Kontrollera att revisionen finns och att filen ligger i ett git-arkiv (se `git log -- <fil>`).',
          ),
        );
      },
    );
  });
}

/** git's (English) complaint in Swedish for the common cases, with git's own words kept for the rest. */
function explainGit(detail: string): string {
  if (/not a git repository/i.test(detail)) return 'mappen ligger inte i ett git-arkiv.';
  if (/does not exist in|exists on disk, but not in/i.test(detail))
    return 'filen fanns inte i den revisionen.';
  if (/invalid object name|unknown revision|bad revision/i.test(detail)) return 'revisionen finns inte.';
  return detail === '' ? 'okänt fel.' : `${detail}`;
}

/** True when an argument names a git object as `REV:path` rather than a file. */
export function isGitSpec(arg: string): boolean {
  const colon = arg.indexOf(':');
  // `C:\…` style drive letters and plain paths are files.
  return colon > 0 && !/^[A-Za-z]:[\\/]/.test(arg);
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/** Turns PDF bytes into the embedded case file; other bytes are the case file itself. */
async function unwrap(label: string, bytes: Uint8Array): Promise<SourceText> {
  if (!isPdf(bytes)) return { label, file: label, bytes };
  const embedded = await extractEmbeddedCase(bytes, label);
  return { label: `${label} (${embedded.name})`, file: `${label}/${embedded.name}`, bytes: embedded.bytes };
}

/** Reads one side: an existing file wins over the `REV:path` reading of the same argument. */
export async function readSource(arg: string, cwd: string): Promise<SourceText> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readRegularFileBytes(resolve(cwd, arg)));
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error; // worded by the CLI's fs-error table
    if (isGitSpec(arg)) {
      const source = await unwrap(arg, await gitShow(arg, cwd));
      return source.file !== arg ? source : { ...source, path: await gitPath(arg, cwd) };
    }
    throw new UsageError(`Filen ${arg} finns inte.`, 'Kontrollera stavningen och vilken mapp du står i.');
  }
  const source = await unwrap(arg, bytes);
  return source.file === arg ? { ...source, path: resolve(cwd, arg) } : source;
}

/**
 * Where `REV:path` is in the working tree: git reads `path` from the top of the repository unless it
 * starts with ./ or ../ (then from `cwd`).
 */
async function gitPath(spec: string, cwd: string): Promise<string | undefined> {
  const path = spec.slice(spec.indexOf(':') + 1);
  if (/^\.\.?[\\/]/.test(path)) return resolve(cwd, path);
  const top = await new Promise<string | undefined>((done) => {
    execFile('git', ['rev-parse', '--show-toplevel'], { cwd, windowsHide: true }, (error, stdout) =>
      done(error ? undefined : String(stdout).trim()),
    );
  });
  return top === undefined || top === '' ? undefined : resolve(top, path);
}

/** The old side for `--git REV`: the new file's path as it was in revision REV. */
export async function readGitRevisionOf(rev: string, newArg: string, cwd: string): Promise<SourceText> {
  checkRevision(rev);
  const path = resolve(cwd, newArg);
  // `REV:./name` is resolved by git relative to the working directory, so run git in the file's folder.
  const bytes = await gitShow(`${rev}:./${basename(path)}`, dirname(path));
  const source = await unwrap(`${rev}:${newArg}`, bytes);
  return source.file === source.label ? { ...source, path } : source;
}
