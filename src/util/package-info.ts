/** Facts about the installed skrivelse package, resolved from this file's location, never from the cwd. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Root folder of the package (holds package.json and templates/), from src/util or dist/util. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export const toolVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export const toolName = `skrivelse ${toolVersion}`;
