/** Converts string offsets to 1-based line:column (UTF-16 columns, as editors count). */
import type { Position } from '../diagnostics.js';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }

  /** The inverse: the offset of a 1-based line:column. */
  offset(position: Position): number {
    return (this.starts[position.line - 1] ?? 0) + position.column - 1;
  }
}
