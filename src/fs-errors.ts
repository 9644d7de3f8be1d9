/**
 * The machine's faults in the user's words: one table from a Node file-system error (code, syscall,
 * path) to a Swedish message that names the path and says what to do. The CLI's error boundary applies
 * it to every error, so a full disk or a read-only folder is a usage error (exit 2) in every command.
 */
import { accessSync, constants, existsSync, type Stats, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from './errors.js';
import { isTempName, tempTarget } from './util/atomic.js';

/** What Node (and proper-lockfile) attach to a file-system error. */
export interface FsErrorLike {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
  /** proper-lockfile names the locked file here. */
  file?: string;
}

/** A path that exists but is no regular file (FIFO, device, socket): reading it could wait forever. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  readonly syscall = 'open';
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${path} is not a regular file (${kind})`);
    this.name = 'NotRegularFileError';
  }
}

/** Throws NotRegularFileError when `stats` is neither a regular file nor a folder (a FIFO would block reading). */
export function refuseSpecialFile(stats: Stats, shown: string): void {
  if (!stats.isFile() && !stats.isDirectory()) throw new NotRegularFileError(shown, fileKind(stats));
}

/** "en namngiven pipe (FIFO)" and so on, for messages about a path of the wrong type. */
export function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'en mapp';
  if (stats.isFIFO()) return 'en namngiven pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'en teckenenhet (som /dev/zero eller /dev/null)';
  if (stats.isBlockDevice()) return 'en blockenhet (en disk)';
  if (stats.isSocket()) return 'en socket';
  if (stats.isSymbolicLink()) return 'en symbolisk länk';
  return 'ingen vanlig fil';
}

const knownCodes = new Set([
  'ENOSPC',
  'EDQUOT',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'EISDIR',
  'EEXIST',
  'ENOENT',
  'EMFILE',
  'ENFILE',
  'ELOOP',
  'ENAMETOOLONG',
  'EBUSY',
  'ENOTEMPTY',
  'EIO',
  'ENXIO',
  'ENOTREG',
  'ELOCKED',
]);

/** True for errors that come from the file system (or a lock on it), not from a bug. */
export function isFsError(error: unknown): error is Error & FsErrorLike {
  if (!(error instanceof Error)) return false;
  const { code, syscall } = error as Partial<FsErrorLike>;
  return typeof code === 'string' && (typeof syscall === 'string' || knownCodes.has(code));
}

const reading = new Set([
  'read',
  'stat',
  'lstat',
  'fstat',
  'access',
  'readlink',
  'realpath',
  'scandir',
  'opendir',
]);
const writing = new Set([
  'write',
  'fsync',
  'fdatasync',
  'ftruncate',
  'rename',
  'link',
  'symlink',
  'copyfile',
  'mkdir',
  'mkdtemp',
  'utime',
  'futime',
  'chmod',
  'fchmod',
  'unlink',
  'rmdir',
  'rm',
]);

function verb(syscall: string | undefined): string {
  if (syscall === 'mkdir' || syscall === 'mkdtemp') return 'Kunde inte skapa mappen';
  if (syscall === 'scandir' || syscall === 'opendir') return 'Kunde inte läsa mappen';
  if (syscall === 'unlink' || syscall === 'rmdir' || syscall === 'rm') return 'Kunde inte ta bort';
  if (syscall === 'open') return 'Kunde inte öppna';
  if (syscall !== undefined && reading.has(syscall)) return 'Kunde inte läsa';
  if (syscall !== undefined && writing.has(syscall)) return 'Kunde inte skriva';
  return 'Kunde inte använda';
}

const otherFolder = 'välj en annan mapp (--ut i skapa och jämför, --arkiv i arkivera)';

/** Reason (completes "Kunde inte skriva X: …") and hint, per code. */
function explain(code: string, syscall: string | undefined, kind: string | undefined): [string, string] {
  const writes = syscall !== undefined && writing.has(syscall);
  switch (code) {
    case 'ENOSPC':
      return ['disken är full', `Frigör utrymme på disken, eller ${otherFolder}.`];
    case 'EDQUOT':
      return ['din lagringskvot är slut', `Frigör utrymme, eller ${otherFolder}.`];
    case 'EACCES':
    case 'EPERM':
      return [
        code === 'EACCES'
          ? 'behörighet saknas'
          : 'åtgärden är inte tillåten (filen kan vara låst eller skyddad)',
        writes
          ? `Be om skrivrätt till mappen, eller ${otherFolder}.`
          : 'Kontrollera att du har behörighet till filen och mappen, eller kopiera filen till en mapp där du har det.',
      ];
    case 'EROFS':
      return [
        'disken eller mappen är skrivskyddad',
        'Välj en mapp på en skrivbar disk (--ut i skapa och jämför, --arkiv i arkivera).',
      ];
    case 'ENOTDIR':
      return [
        'en del av sökvägen är en fil, inte en mapp',
        'Där en mapp behövs finns en fil med samma namn: ange en mapp, eller byt namn på filen.',
      ];
    case 'EISDIR':
      return writes || syscall === 'open'
        ? [
            'det är en mapp, inte en fil',
            'Ange ett filnamn, inte en mapp (till exempel --ut skillnader.html).',
          ]
        : ['det är en mapp, inte en fil', 'Ange en fil i mappen.'];
    case 'EEXIST':
      return syscall === 'mkdir'
        ? [
            'det finns redan en fil med det namnet, så mappen kan inte skapas',
            'Ange en mapp, inte en fil (--ut i skapa, --arkiv i arkivera), eller byt namn på filen.',
          ]
        : [
            'det finns redan en fil med det namnet',
            'Välj ett annat namn; befintliga filer skrivs inte över.',
          ];
    case 'ENOENT':
      return [
        'filen eller mappen finns inte',
        syscall === 'mkdir'
          ? 'Kontrollera sökvägen; mappen ovanför måste finnas.'
          : 'Kontrollera stavningen och vilken mapp du står i.',
      ];
    case 'EMFILE':
    case 'ENFILE':
      return [
        'för många filer är öppna samtidigt',
        'Stäng andra program, eller kör kommandot på färre filer i taget.',
      ];
    case 'ELOOP':
      return ['sökvägen går i en slinga av symboliska länkar', 'Rätta eller ta bort den symboliska länken.'];
    case 'ENAMETOOLONG':
      return ['sökvägen eller filnamnet är för långt', 'Välj en kortare sökväg.'];
    case 'EBUSY':
      return [
        'filen eller mappen används av ett annat program',
        'Stäng programmet (till exempel Word eller Acrobat) och försök igen.',
      ];
    case 'ENOTEMPTY':
      return ['mappen är inte tom', 'Välj en tom mapp, eller töm mappen först.'];
    case 'EIO':
      return [
        'läs- eller skrivfel på disken',
        'Kontrollera disken, nätverksmappen eller USB-minnet och försök igen.',
      ];
    case 'ENXIO':
      return ['det finns ingen enhet bakom sökvägen', 'Ange en vanlig fil.'];
    case 'ENOTREG':
      return [
        `det är ${kind ?? 'ingen vanlig fil'}, inte en vanlig fil`,
        'Ange en vanlig fil: en ärendefil (.md), en kommunprofil (.yaml) eller en PDF.',
      ];
    case 'ELOCKED':
      return [
        'den används just nu av en annan körning av skrivelse',
        'Vänta tills den andra körningen är klar och försök igen.',
      ];
    default:
      return [
        `ett fel i filsystemet (${code})`,
        'Kontrollera sökvägen, behörigheterna och att disken fungerar.',
      ];
  }
}

/** Shown relative to the working folder when inside it. The atomic writer's temporary file shows as its target. */
function shownPath(path: string, cwd: string): string {
  const target = tempTarget(basename(path));
  const real = target ? join(dirname(path), target) : path;
  const abs = resolve(cwd, real);
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

/**
 * Recursive mkdir reports ENOENT even when the parent exists but cannot be written (read-only disk,
 * no permission): find the nearest existing folder and ask it the real reason.
 */
function realMkdirCode(path: string): string {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    try {
      if (!statSync(dir).isDirectory()) return 'ENOTDIR';
      accessSync(dir, constants.W_OK);
      return 'ENOENT';
    } catch (error) {
      const code = (error as FsErrorLike).code;
      if (code !== 'ENOENT') return code ?? 'ENOENT';
    }
    if (dirname(dir) === dir) return 'ENOENT';
  }
}

export interface FsErrorText {
  /** Whole Swedish sentence naming the path, e.g. `Kunde inte skriva "ut/a.pdf": disken är full.` */
  message: string;
  /** The reason alone ("disken är full"), for callers that name the file themselves. */
  reason: string;
  hint: string;
}

export function describeFsError(error: FsErrorLike, cwd: string): FsErrorText {
  const path = error.dest ?? error.path ?? error.file;
  const code =
    error.code === 'ENOENT' && error.syscall === 'mkdir' && path !== undefined
      ? realMkdirCode(resolve(cwd, path))
      : error.code;
  const kind = error instanceof NotRegularFileError ? error.kind : undefined;
  const missingFolder =
    code === 'ENOENT' &&
    path !== undefined &&
    error.syscall !== 'mkdir' &&
    !existsSync(dirname(resolve(cwd, path)));
  const [reason, hint] = missingFolder
    ? [
        `mappen "${shownPath(dirname(path), cwd)}" finns inte`,
        'Skapa mappen först, eller kontrollera stavningen.',
      ]
    : explain(code, error.syscall, kind);
  const where = path === undefined ? '' : ` "${shownPath(path, cwd)}"`;
  // A write, whatever the syscall: these codes arise only then, and the temporary file is the atomic writer's.
  const writes =
    code === 'ENOSPC' ||
    code === 'EDQUOT' ||
    code === 'EROFS' ||
    (path !== undefined && isTempName(basename(path)));
  const action =
    code === 'ELOCKED'
      ? 'Kunde inte låsa'
      : writes && error.syscall === 'open'
        ? 'Kunde inte skriva'
        : verb(error.syscall);
  return { message: `${action}${where}: ${reason}.`, reason, hint };
}

/** The UsageError the CLI reports for a file-system error. */
export function fsUsageError(error: FsErrorLike, cwd: string): UsageError {
  const { message, hint } = describeFsError(error, cwd);
  return new UsageError(message, hint);
}
