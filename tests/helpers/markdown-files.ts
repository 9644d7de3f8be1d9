/** The Markdown of the example cases (cases/) and of every fixture (tests/fixtures/), for tests that read them all. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

export function exampleAndFixtureMarkdown(): { file: string; text: string }[] {
  return [join(root, 'cases'), join(root, 'tests/fixtures')].flatMap((dir) =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.md'))
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .map((file) => ({ file, text: readFileSync(file, 'utf8') })),
  );
}
