/** A diarienummer as written may carry the label: "Dnr SON 2020-281" is the number "SON 2020-281". */
export function bareDnr(written: string): string {
  return written.trim().replace(/^Dnr\s+/i, '');
}
