/**
 * `skrivelse skapa --bevaka`: build once, then rebuild a case each time its file, or an image it shows, is
 * saved, printing that case's diagnostics, until Ctrl-C (SIGINT) or SIGTERM.
 *
 * chokidar watches: well kept and the file watcher most Node tools use, it works over fs.watch (inotify
 * here, no native code or polling), and it handles what editors do on save: an atomic save (vim, VS Code
 * and others write a temporary file and rename it over the case) arrives as one change (`atomic`), and a
 * new file in a watched folder as an add. Save bursts (truncate + write, or several files saved at once)
 * are gathered for `debounceMs` and built together. One build runs at a time; changes seen meanwhile are
 * built after it. The lock on the output folder is taken per case only while its files are written
 * (buildCases), so a stop waits at most for the case in hand, and leaves no lock and no temporary file.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { decodedPath } from '../case/images.js';
import type { Diagnostic } from '../diagnostics.js';
import { isCaseFileName, isSearchedFolderName } from './collect.js';
import type { BuildRun } from './commands/build.js';
import type { Io } from './io.js';
import { exitCodeFor } from './output.js';
import type { BatchProgress } from './progress.js';

export interface WatchPlan {
  /** The paths named on the command line, files and folders, as typed. */
  paths: readonly string[];
  /** The case files found in them (collectCaseFiles), built first. */
  files: readonly string[];
  outDir: string;
  io: Io;
  build(files: readonly string[], io: Io, run: BuildRun): Promise<Map<string, Diagnostic[]>>;
  run: BuildRun;
  /** How long a burst of saves is gathered before building (default 200 ms). */
  debounceMs?: number;
  /** Calls `stop` on Ctrl-C; returns the unsubscribe. Default: SIGINT and SIGTERM of this process. */
  onInterrupt?: (stop: () => void) => () => void;
}

function processSignals(stop: () => void): () => void {
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Paths of the images a case's text shows (`![alt](bild.png)`), for rebuilding when one is saved. */
function imagesShownBy(caseFile: string): string[] {
  let text: string;
  try {
    text = readFileSync(caseFile, 'utf8');
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const match of text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g)) {
    const url = match[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) continue;
    const path = decodedPath(url);
    if (path !== undefined && !path.includes('\0')) found.push(resolve(dirname(caseFile), path));
  }
  return found;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function clock(): string {
  const d = new Date();
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Runs the watch until interrupted; resolves to the exit code of the latest build of every case. */
export async function watchCases(plan: WatchPlan): Promise<number> {
  const { io } = plan;
  const debounceMs = plan.debounceMs ?? 200;
  const outDir = resolve(plan.outDir);
  const roots = plan.paths.map((typed) => ({ typed, abs: resolve(io.cwd, typed) }));
  /** Case files by absolute path → as shown (the name the user typed, or found below a typed folder). */
  const cases = new Map(plan.files.map((f) => [resolve(io.cwd, f), f]));
  const named = new Set(roots.map((r) => r.abs));
  const folders = new Set([...named].filter((p) => isFolder(p)));
  /** Image path → the case files (absolute) showing it. */
  const imageUsers = new Map<string, Set<string>>();
  const latest = new Map<string, Diagnostic[]>();
  const inFolder = (path: string) => [...folders].some((f) => isInside(f, path));
  // The output folder is skipped, unless the cases themselves are in it (`--ut .`): then only its hidden
  // files (index, lock, temporary files) are, like every hidden file.
  const skipOutDir = ![...folders].some((f) => isInside(outDir, f));
  /**
   * A named file, and an image outside the named folders, is watched through its folder, which sees a
   * save by rename (a watch on the file itself may lose it when the file is replaced). In such a folder
   * only those files count; everything else in it is ignored.
   */
  const fileFolders = new Set<string>();
  const watchFolderOf = (file: string) => {
    const folder = dirname(file);
    if (inFolder(file) || fileFolders.has(folder)) return undefined;
    fileFolders.add(folder);
    return folder;
  };
  /** Notes the images `file` shows; returns the folders to watch newly for them. */
  const rememberImages = (file: string): string[] => {
    for (const users of imageUsers.values()) users.delete(file);
    const added: string[] = [];
    for (const image of imagesShownBy(file)) {
      if (!imageUsers.has(image)) {
        imageUsers.set(image, new Set());
        const folder = watchFolderOf(image);
        if (folder !== undefined) added.push(folder);
      }
      imageUsers.get(image)!.add(file);
    }
    return added;
  };
  // Everything known now is watched from the start, so the watch is complete when it reports ready.
  const initial = [...folders];
  for (const path of named) {
    const folder = folders.has(path) ? undefined : watchFolderOf(path);
    if (folder !== undefined) initial.push(folder);
  }
  for (const file of cases.keys()) initial.push(...rememberImages(file));

  let progress: BatchProgress | undefined;
  /** A message of the watch, on standard error, around the progress line of a batch being built. */
  const say = (text: string) => (progress ? progress.around(() => io.err(text)) : io.err(text));
  let stopping = false;
  let wake: (() => void) | undefined;
  const stopped = new Promise<void>((resolveStop) => {
    wake = resolveStop;
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    say('\nBevakningen avslutas …\n');
    wake?.();
  };
  const unsubscribe = (plan.onInterrupt ?? processSignals)(stop);
  const run: BuildRun = {
    ...plan.run,
    stopRequested: () => stopping,
    onProgress: (shown) => {
      progress = shown;
    },
  };

  const { watch } = await import('chokidar');
  const watcher = watch(initial, {
    ignoreInitial: true,
    // Below a named folder: the output folder (written by us) and what a folder search skips, hidden
    // files (editors' swap and backup files, .git) and tool folders. What was named is always watched.
    ignored: (path: string) => {
      if (folders.has(path) || fileFolders.has(path) || named.has(path) || imageUsers.has(path)) return false;
      if (!inFolder(path)) return true;
      if (skipOutDir && isInside(outDir, path)) return true;
      return !isSearchedFolderName(basename(path));
    },
  });

  const buildNow = async (absFiles: string[]) => {
    const shownNames = absFiles.map((f) => cases.get(f)!);
    const results = await plan.build(shownNames, io, run);
    for (const [file, diagnostics] of results) latest.set(file, diagnostics);
    for (const f of absFiles) for (const folder of rememberImages(f)) watcher.add(folder);
  };

  const ready = new Promise<void>((resolveReady) => watcher.once('ready', () => resolveReady()));
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  // The first build; what is saved meanwhile is built after it.
  let building: Promise<void> = buildNow([...cases.keys()]);

  const flush = () => {
    timer = undefined;
    building = building
      .catch(() => undefined)
      .then(async () => {
        if (stopping || pending.size === 0) {
          saved.clear();
          return;
        }
        // In the order of the first build, then new files in the order they appeared.
        const order = [...cases.keys()];
        const batch = [...pending].sort((a, b) => order.indexOf(a) - order.indexOf(b));
        const names = batch.map((f) => cases.get(f)!);
        const savedNames = [...saved].map((f) => cases.get(f) ?? relative(io.cwd, f));
        pending.clear();
        saved.clear();
        const also = savedNames.join() === names.join() ? '' : ` – skriver om ${names.join(', ')}`;
        say(`\n${clock()} sparad: ${savedNames.join(', ')}${also}\n`);
        try {
          await buildNow(batch);
        } catch (error) {
          // A machine fault (disk full …) ends this build, not the watch: the next save tries again.
          say(`fel: ärendet kunde inte skrivas: ${error instanceof Error ? error.message : String(error)}\n`);
        }
      });
  };
  /** What was saved (a case or an image), for the message. */
  const saved = new Set<string>();
  const schedule = (file: string, what: string) => {
    saved.add(what);
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  /** The name a new file is shown under: as found below the first named folder holding it. */
  const newCaseName = (path: string): string | undefined => {
    if (!isCaseFileName(basename(path))) return undefined;
    const root = roots.find((r) => r.abs !== path && isInside(r.abs, path));
    return root ? join(root.typed, relative(root.abs, path)) : undefined;
  };

  const changed = (path: string) => {
    if (stopping) return;
    if (!cases.has(path)) {
      const name = newCaseName(path);
      if (name !== undefined) cases.set(path, name);
    }
    if (cases.has(path)) schedule(path, path);
    for (const user of imageUsers.get(path) ?? []) if (cases.has(user)) schedule(user, path);
  };
  watcher.on('add', changed);
  watcher.on('change', changed);
  watcher.on('unlink', (path) => {
    const name = cases.get(path);
    if (name === undefined || named.has(path)) return;
    cases.delete(path);
    latest.delete(name);
    pending.delete(path);
    saved.delete(path);
    say(`\n${clock()} borttagen: ${name} (skrivs inte längre)\n`);
  });
  watcher.on('error', (error) => {
    say(`fel: bevakningen: ${error instanceof Error ? error.message : String(error)}\n`);
  });

  try {
    // A machine fault in the first build (disk full, lock held too long …) ends the command as without
    // --bevaka; later ones only that build.
    await building;
    await Promise.race([ready, stopped]);
    if (!stopping) {
      const count = cases.size;
      say(
        `\nBevakar ${count} ${count === 1 ? 'ärende' : 'ärenden'}; sparade ändringar skrivs om. Avsluta med Ctrl-C.\n`,
      );
    }
    await stopped;
    if (timer) clearTimeout(timer);
    await building;
  } finally {
    stopping = true;
    if (timer) clearTimeout(timer);
    await watcher.close();
    unsubscribe();
  }
  say('Bevakningen är avslutad.\n');
  return exitCodeFor([...latest.values()].flat());
}
