import { execFileSync } from 'node:child_process';
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli.js';

const joint = readFileSync('cases/son-2024-112-bin-2024-87-tidiga-insatser.md', 'utf8');
const single = readFileSync('cases/son-2020-281-arbetsinriktad-rehabilitering.md', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'skrivelse-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const run = (args: string[], env: Record<string, string> = {}, colorOut = false) =>
  runCaptured(['diff', ...args], { cwd: dir, env, colorOut });

/** Replaces exactly one occurrence, so a fixture edit cannot silently miss. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length, `"${from}" should occur once`).toBe(2);
  return text.replace(from, to);
}

describe('skrivelse diff (files)', () => {
  it('exits 0 when only wrapping, trailing spaces and CRLF differ', async () => {
    const bodyStart = single.indexOf('\n---\n') + 5;
    const rewrapped = (
      single.slice(0, bodyStart) +
      single
        .slice(bodyStart)
        .replace(/avseende\narbetsinriktad/g, 'avseende arbetsinriktad')
        .split('\n')
        .map((line) => (line.startsWith('#') ? line : line.replace(/ och /g, ' och \n ')))
        .join('\n')
        .replace(/\n\n(?=[A-ZÅÄÖ])/g, '  \n\n')
    ).replace(/\n/g, '\r\n');
    expect(rewrapped).not.toBe(single);
    const r = await run([write('a.md', single), write('b.md', rewrapped)]);
    expect(r.err).toBe('');
    expect(r.out).toContain('Inga skillnader.');
    expect(r.code).toBe(0);
  });

  it('exits 0 for NFC vs NFD', async () => {
    const nfd = single.normalize('NFD');
    expect(nfd).not.toBe(single);
    const r = await run([write('nfc.md', single), write('nfd.md', nfd)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('exits 0 for YAML key order and quoting style', async () => {
    const reordered = edit(
      edit(single, 'datum: 2023-08-30\ndnr: SON 2020-281\n', 'dnr: "SON 2020-281"\ndatum: \'2023-08-30\'\n'),
      'mbl:\n  typ: information\n',
      'mbl: { typ: "information" }\n',
    );
    const r = await run([write('y1.md', single), write('y2.md', reordered)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('reports MBL date, recipient and reworded point, with a Swedish summary (exit 1)', async () => {
    let changed = edit(joint, 'datum: 2024-10-09', 'datum: 2024-10-11');
    changed = edit(
      changed,
      '  - Kommunledningsförvaltningen, ekonomiavdelningen\n',
      '  - Kommunledningsförvaltningen, ekonomiavdelningen\n  - Revisionen\n',
    );
    changed = edit(changed, 'avsätter 800 000 kr', 'avsätter 850 000 kr');
    const r = await run([write('j1.md', joint), write('j2.md', changed)]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('MBL (Utbildningsförvaltningen), datum: [-2024-10-09-] {+2024-10-11+}');
    expect(r.out).toContain('Beslutet skickas till (ny): {+Revisionen+}');
    expect(r.out).toContain('[-800 000-] {+850 000+}');
    expect(r.out).toContain('1 ändring i förslag till beslut, 2 i metadata.');
    expect(r.out).not.toContain('\x1b[');
  });

  it('uses colour on a terminal and none with NO_COLOR', async () => {
    const changed = edit(joint, 'datum: 2024-10-09', 'datum: 2024-10-11');
    const args = [write('c1.md', joint), write('c2.md', changed)];
    expect((await run(args, {}, true)).out).toContain('\x1b[32;4m2024-10-11\x1b[0m');
    expect((await run(args, { NO_COLOR: '1' }, true)).out).not.toContain('\x1b[');
  });

  it('writes stable JSON', async () => {
    const changed = edit(joint, 'datum: 2024-10-09', 'datum: 2024-10-11');
    const r = await run([write('s1.md', joint), write('s2.md', changed), '--format', 'json']);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      format: 'skrivelse-diff',
      version: 1,
      identical: false,
      summary: { metadata: 1, decisions: 0, body: 0, total: 1, text: '1 ändring i metadata.' },
      metadata: [{ path: 'mbl[Utbildningsförvaltningen].datum', kind: 'changed' }],
    });
    expect(Object.keys(json)).toEqual([
      'format',
      'version',
      'old',
      'new',
      'identical',
      'summary',
      'metadata',
      'decisions',
      'sections',
    ]);
  });

  it('exits 2 with Swedish diagnostics for an invalid case', async () => {
    const broken = edit(single, 'datum: 2023-08-30', 'datum: 30 augusti');
    const r = await run([write('ok.md', single), write('broken.md', broken)]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('broken.md');
    expect(r.err).toContain('fel');
    expect(r.err).toContain('Jämförelsen kunde inte göras');
  });

  it('exits 2 for a missing file and for wrong arguments', async () => {
    const missing = await run([write('x.md', single), 'finns-inte.md']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Filen finns-inte.md finns inte.');
    expect((await run(['bara-en.md'])).code).toBe(2);
    expect((await run(['a.md', 'b.md', '--format', 'pdf'])).code).toBe(2);
  });
});

describe('skrivelse diff --ut never overwrites an input or writes into an archive', () => {
  const changed = () => edit(single, 'datum: 2023-08-30', 'datum: 2023-08-31');
  const refused = async (args: string[], reason: RegExp) => {
    const before = new Map(
      readdirSync(dir, { recursive: true }).map((f) => [String(f), snapshot(String(f))]),
    );
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
    expect(r.err).toContain('tips: ');
    for (const [f, content] of before) expect(snapshot(f), f).toBe(content);
  };
  const snapshot = (f: string) => {
    try {
      return readFileSync(join(dir, f), 'utf8');
    } catch {
      return '(mapp)';
    }
  };

  it('refuses either input, by name, through a symlink or a hard link, and the profile', async () => {
    write('gammal.md', single);
    write('ny.md', changed());
    symlinkSync('gammal.md', join(dir, 'länk.md'));
    linkSync(join(dir, 'ny.md'), join(dir, 'hård.md'));
    const same = /är samma fil som indata (gammal\.md|ny\.md|profil\.yaml); den skrivs inte över\./;
    await refused(['gammal.md', 'ny.md', '--ut', 'gammal.md'], same);
    await refused(['gammal.md', 'ny.md', '--ut', './ny.md', '--format', 'html'], same);
    await refused(['gammal.md', 'ny.md', '--ut', 'länk.md'], same);
    await refused(['gammal.md', 'ny.md', '--ut', 'hård.md', '--format', 'json'], same);
    write('profil.yaml', 'x');
    await refused(['gammal.md', 'ny.md', '--ut', 'profil.yaml', '--profil', 'profil.yaml'], same);
    expect((await run(['gammal.md', 'ny.md', '--ut', 'skillnader.txt'])).code).toBe(1);
    expect(readFileSync(join(dir, 'skillnader.txt'), 'utf8')).toContain('1 ändring i metadata.');
  });

  it('refuses any place inside an archive (manifest.jsonl at or above), also through a symlinked folder', async () => {
    const data = join(dir, 'arkiv', 'SON-2020-281', 'representations', 'pdfa', 'data');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(dir, 'arkiv', 'manifest.jsonl'), '');
    symlinkSync(join(dir, 'arkiv', 'SON-2020-281'), join(dir, 'genväg'));
    const inArchive = /ligger i arkivet .*arkiv \(där finns manifest\.jsonl\)/;
    for (const ut of [
      'arkiv/x.html',
      'arkiv/manifest.jsonl',
      'arkiv/SON-2020-281/representations/pdfa/data/x.html',
      'genväg/METS.xml',
    ])
      await refused(['gammal.md', 'ny.md', '--format', 'html', '--ut', ut], inArchive);
    // build's output folder likewise.
    const r = await runCaptured(['build', 'gammal.md', '--ut', 'arkiv/SON-2020-281'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Utdatamappen arkiv\/SON-2020-281 ligger i arkivet/);
    expect(readdirSync(data)).toEqual([]);
  });
});

describe('skrivelse diff (git)', () => {
  const repo = join(dir, 'repo');
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 't@example.se',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 't@example.se',
        GIT_CONFIG_GLOBAL: '/dev/null',
      },
    });

  it('compares a file with an older revision (--git REV and REV:path)', async () => {
    execFileSync('mkdir', ['-p', join(repo, 'ärenden')]);
    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'ärenden', 'ärende.md'), joint);
    git('add', '.');
    git('commit', '-qm', 'första');
    writeFileSync(join(repo, 'ärenden', 'ärende.md'), edit(joint, 'datum: 2024-10-09', 'datum: 2024-10-11'));
    const viaFlag = await run(['--git', 'HEAD', 'repo/ärenden/ärende.md']);
    expect(viaFlag.err).toBe('');
    expect(viaFlag.code).toBe(1);
    expect(viaFlag.out).toContain('--- HEAD:repo/ärenden/ärende.md');
    expect(viaFlag.out).toContain('1 ändring i metadata.');

    git('commit', '-qam', 'andra');
    const { code, out } = await runCaptured(['diff', 'HEAD~1:ärenden/ärende.md', 'HEAD:ärenden/ärende.md'], {
      cwd: repo,
    });
    expect(code).toBe(1);
    expect(out).toContain('[-2024-10-09-] {+2024-10-11+}');
    expect((await run(['--git', 'HEAD', 'repo/ärenden/ärende.md'])).code).toBe(0);
  });

  it('says in Swedish when git fails', async () => {
    const r = await run(['--git', 'finns-inte', 'repo/ärenden/ärende.md']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Kunde inte hämta finns-inte:./ärende.md ur git: revisionen finns inte.');
    const notThere = await run(['--git', 'HEAD', write('utanför.md', single)]);
    expect(notThere.code).toBe(2);
    expect(notThere.err).toContain('mappen ligger inte i ett git-arkiv.');
  });

  it('never lets a revision act as a git option (--output=… would write a file)', async () => {
    // git would write "<trap>/x:./ärende.md": the folders it needs exist, so only the guard stops it.
    const trap = join(dir, 'fälla');
    for (const sub of ['x:.', 'x:ärenden']) mkdirSync(join(trap, sub), { recursive: true });
    const written = () => readdirSync(trap, { recursive: true }).filter((f) => String(f).endsWith('.md'));
    for (const args of [
      [`--git=--output=${trap}/x`, 'repo/ärenden/ärende.md'],
      ['--', `--output=${trap}/x:ärenden/ärende.md`, 'repo/ärenden/ärende.md'],
      ['--', `-o${trap}/x:y`, 'repo/ärenden/ärende.md'],
    ]) {
      const r = await run(args);
      expect(written()).toEqual([]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/är ingen git-revision\.\n {2}tips: .*börjar aldrig med "-"/);
    }
    const ambiguous = await run(['--git', `--output=${trap}/x`, 'repo/ärenden/ärende.md']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain('Värdet efter --git börjar med "-"');
  });

  it('a file whose name starts with "-" is a path, not an option', async () => {
    writeFileSync(join(repo, 'ärenden', '-streck.md'), joint);
    git('add', '--', 'ärenden/-streck.md');
    git('commit', '-qm', 'streck');
    writeFileSync(join(repo, 'ärenden', '-streck.md'), edit(joint, 'datum: 2024-10-09', 'datum: 2024-10-12'));
    const r = await runCaptured(['diff', '--git', 'HEAD', '--', '-streck.md'], {
      cwd: join(repo, 'ärenden'),
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain('--- HEAD:-streck.md');
    expect(r.out).toContain('1 ändring i metadata.');
  });
});
