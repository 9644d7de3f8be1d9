/**
 * The progress line of a batch on a terminal: "3 av 40 klara · skapar cases/x.md · cirka 12 s kvar", on
 * standard error, redrawn in place and removed when the batch is over. Nothing at all is written when
 * there is no terminal (`Io.progress` absent), or for a single case.
 *
 * cli-progress draws it: well kept and very widely used, no native code, one small dependency, and it
 * does only what is needed here (a single redrawn line with an ETA over the last cases, on a stream we
 * pass, left alone when the stream is not a TTY). Its wrapping is left on (the line is cut to the width
 * instead) and the cursor shown, so a killed run leaves the terminal as it was.
 */
import cliProgress from 'cli-progress';
import { type Io, type TerminalStream, terminalLine } from './io.js';

export interface BatchProgress {
  /** A case's work begins: the line shows its file (a name as the user typed it). */
  caseStarted(file: string): void;
  /** A case is over (written, refused or failed). */
  caseDone(): void;
  /** Runs `write` (output to the same terminal) with the line cleared before and redrawn after. */
  around(write: () => void): void;
  /** Removes the line; idempotent. */
  stop(): void;
}

const silent: BatchProgress = {
  caseStarted() {},
  caseDone() {},
  around: (write) => write(),
  stop() {},
};

/** "cirka 5 s kvar", "cirka 2 min 10 s kvar", "cirka 1 h 5 min kvar". */
export function timeLeft(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `cirka ${s} s kvar`;
  if (s < 3600) return `cirka ${Math.floor(s / 60)} min ${s % 60} s kvar`;
  return `cirka ${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min kvar`;
}

/** The text of the line, cut to `width` columns (the file name loses its beginning first). */
export function progressText(done: number, total: number, file: string, eta: unknown, width: number): string {
  const left = done > 0 && typeof eta === 'number' ? timeLeft(eta) : 'beräknar tid kvar';
  const head = `${done} av ${total} klara · skapar `;
  const tail = ` · ${left}`;
  const name = terminalLine(file);
  const room = width - 1 - head.length - tail.length;
  if (name.length <= room) return `${head}${name}${tail}`;
  if (room > 1) return `${head}…${name.slice(name.length - room + 1)}${tail}`;
  return `${head}${tail}`.slice(0, Math.max(0, width - 1));
}

/** The progress of a batch of `total` cases on `io.progress`, or a silent one. */
export function batchProgress(io: Pick<Io, 'progress'>, total: number): BatchProgress {
  const stream = io.progress;
  if (!stream || stream.isTTY !== true || total < 2) return silent;
  return new TerminalProgress(stream, total);
}

class TerminalProgress implements BatchProgress {
  // A MultiBar holding one bar rather than a SingleBar: it saves and restores no cursor position (which
  // would jump back over lines written meanwhile) and lets us redraw after each write (`update`).
  private readonly bars: cliProgress.MultiBar;
  private bar: cliProgress.SingleBar | undefined;
  private stopped = false;
  private done = 0;

  constructor(
    private readonly stream: TerminalStream,
    private readonly total: number,
  ) {
    this.bars = new cliProgress.MultiBar({
      stream: stream as NodeJS.WritableStream,
      format: (_options, params, payload: { file?: string }) =>
        progressText(params.value, params.total, payload.file ?? '', params.eta, params.maxWidth),
      fps: 10,
      // Redrawn even when unchanged: the line may have been cleared for other output meanwhile.
      forceRedraw: true,
      clearOnComplete: true,
      hideCursor: false,
      linewrap: true,
      etaBuffer: 20,
    });
  }

  caseStarted(file: string): void {
    if (this.stopped) return;
    if (this.bar) this.bar.update({ file });
    else this.bar = this.bars.create(this.total, 0, { file });
    this.bars.update();
  }

  caseDone(): void {
    if (this.stopped || !this.bar) return;
    this.done += 1;
    this.bar.update(this.done);
  }

  around(write: () => void): void {
    if (!this.bar || this.stopped) {
      write();
      return;
    }
    this.stream.write('\r\x1b[2K');
    write();
    this.bars.update();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.bar) this.bars.stop();
  }
}
