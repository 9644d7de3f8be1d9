/** The meeting file's `protokoll:`: decisions set on their items; each bad input one diagnostic with its line. */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics.js';
import { readMeetingFile } from '../../../src/meeting/read.js';
import { loadProfile } from '../../../src/profile/load.js';
import { goodMeeting, head, root, scratch, writeMeeting } from './helpers.js';

const profile = loadProfile();
let dir: string;
beforeAll(async () => {
  dir = await scratch();
});

/** The good meeting (items: 1 note, 2 KFN memo, 3 KFN rapport, 4 note) with `protocol` appended. */
function read(protocol: string) {
  const text = `${goodMeeting}${protocol}`;
  const file = writeMeeting(dir, text);
  return { file, text, ...readMeetingFile(file, profile) };
}

/** 1-based line of the first line containing `needle` after the `protokoll:` line. */
function lineOf(text: string, needle: string): number {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('protokoll:'));
  return lines.findIndex((l, i) => i >= start && l.includes(needle)) + 1;
}

function only(diagnostics: Diagnostic[], file: string, severity: Diagnostic['severity'] = 'fel'): Diagnostic {
  const own = diagnostics.filter((d) => d.severity === severity && d.file === file);
  expect(own, JSON.stringify(diagnostics, null, 2)).toHaveLength(1);
  expect(own[0]!.hint).toBeTruthy();
  expect(own[0]!.position).toBeDefined();
  return own[0]!;
}

const justering = `protokoll:
  justerare: [Anna Berg, Per Ek]
  justeringsdatum: 2025-04-15
  förvaras: Kultur- och fritidsförvaltningen, Stadshuset
`;

describe('a protocol that is right', () => {
  it('sets each decision on its item: "enligt förslaget" takes the memo points word for word', () => {
    const r = read(`${justering}  anslag: 2025-04-16
  beslut:
    - punkt: 1
      paragraf: 33
      beslut: Anna Berg och Per Ek väljs att justera protokollet.
    - punkt: 2
      paragraf: 34
      beslut: Enligt förslaget
      reservationer: ["Per Ek (M) reserverar sig mot beslutet."]
      jäv: ["Eva Ros (S) anmäler jäv och deltar inte."]
    - punkt: 4
      paragraf: 36
      beslut:
        - Delegationsbesluten läggs till handlingarna.
        - Nämnden noterar informationen.
`);
    expect(r.diagnostics).toEqual([]);
    const m = r.meeting!;
    expect(m.protocol).toEqual({
      adjusters: ['Anna Berg', 'Per Ek'],
      adjustedOn: '2025-04-15',
      keptAt: 'Kultur- och fritidsförvaltningen, Stadshuset',
      postedOn: '2025-04-16',
    });
    const memo = m.items[1]!;
    expect(memo.type).toBe('case');
    const proposal = memo.type === 'case' ? memo.case.decisions[0]!.points.map((p) => p.text) : [];
    expect(proposal.length).toBeGreaterThan(0);
    expect(memo.decision).toEqual({
      paragraph: 34,
      asProposed: true,
      points: proposal,
      reservations: ['Per Ek (M) reserverar sig mot beslutet.'],
      conflicts: ['Eva Ros (S) anmäler jäv och deltar inte.'],
    });
    expect(m.items[0]!.decision?.points).toEqual(['Anna Berg och Per Ek väljs att justera protokollet.']);
    expect(m.items[2]!.decision).toBeUndefined();
    expect(m.items[3]!.decision?.points).toHaveLength(2);
  });

  it('a joint memo decided "enligt förslaget" takes the points for the nämnd that met, not the other', () => {
    const joint = 'son-2024-112-bin-2024-87-tidiga-insatser.md';
    copyFileSync(join(root, 'cases', joint), join(dir, joint));
    const text = `${head.replace('Kultur- och fritidsnämnden', 'Bildningsnämnden')}ärenden:
  - ärende: ${joint}
protokoll:
  justerare: [Anna Berg]
  förvaras: Stadshuset
  beslut:
    - punkt: 1
      paragraf: 12
      beslut: enligt förslaget
`;
    const r = readMeetingFile(writeMeeting(dir, text, 'möte-bin.yaml'), profile);
    expect(r.diagnostics).toEqual([]);
    const item = r.meeting!.items[0]!;
    const blocks = item.type === 'case' ? item.case.decisions : [];
    const own = blocks.find((b) => b.board === 'Bildningsnämnden')!.points.map((p) => p.text);
    expect(item.decision?.points).toEqual(own);
    expect(own[0]).toMatch(/^Bildningsnämnden godkänner/);
  });

  it('a protocol not yet justerat is read, without justeringsdatum', () => {
    const r = read(`protokoll:
  justerare: [Anna Berg]
  förvaras: Stadshuset
  beslut:
    - punkt: 2
      paragraf: 1
      beslut: enligt förslaget
`);
    expect(r.diagnostics).toEqual([]);
    expect(r.meeting!.protocol).toEqual({ adjusters: ['Anna Berg'], keptAt: 'Stadshuset' });
  });
});

describe('the example in cases/', () => {
  it('has its decisions: § 33–36, item 2 "enligt förslaget" with the memo points, justerat and anslag', () => {
    const r = readMeetingFile(join(root, 'cases', 'möte-kfn-2025-04.yaml'), profile);
    expect(r.diagnostics).toEqual([]);
    const m = r.meeting!;
    expect(m.items.map((i) => i.decision?.paragraph)).toEqual([33, 34, 35, 36]);
    const memo = m.items[1]!;
    expect(memo.decision?.asProposed).toBe(true);
    expect(memo.decision?.points).toEqual(
      memo.type === 'case' ? memo.case.decisions[0]!.points.map((p) => p.text) : [],
    );
    expect(m.protocol).toMatchObject({ adjustedOn: '2025-04-15', postedOn: '2025-04-16' });
  });
});

describe('each fault in the protocol gives its diagnostic at its line', () => {
  /** `at`: a text on the line the diagnostic points at, or (`before`) on the line after it. */
  const cases: {
    name: string;
    protocol: string;
    rule: string;
    at: string;
    before?: true;
    severity?: 'varning';
  }[] = [
    {
      name: 'a decision for an item that does not exist',
      protocol: `${justering}  beslut:\n    - punkt: 7\n      paragraf: 34\n      beslut: enligt förslaget\n`,
      rule: 'protocol-item-unknown',
      at: 'punkt: 7',
    },
    {
      name: 'two decisions for the same item',
      protocol: `${justering}  beslut:\n    - punkt: 2\n      paragraf: 34\n      beslut: enligt förslaget\n    - punkt: 2\n      paragraf: 35\n      beslut: [Återremiss.]\n`,
      rule: 'protocol-item-duplicate',
      at: 'paragraf: 35',
      before: true,
    },
    {
      name: 'the same § twice',
      protocol: `${justering}  beslut:\n    - punkt: 1\n      paragraf: 34\n      beslut: [Anna Berg justerar.]\n    - punkt: 2\n      paragraf: 34\n      beslut: enligt förslaget\n`,
      rule: 'protocol-paragraph-duplicate',
      at: 'beslut: enligt',
      before: true,
    },
    {
      name: '§ not increasing in agenda order',
      protocol: `${justering}  beslut:\n    - punkt: 4\n      paragraf: 33\n      beslut: [Läggs till handlingarna.]\n    - punkt: 2\n      paragraf: 34\n      beslut: enligt förslaget\n`,
      rule: 'protocol-paragraph-order',
      at: 'paragraf: 33',
    },
    {
      name: '"enligt förslaget" on an item without a memo',
      protocol: `${justering}  beslut:\n    - punkt: 1\n      paragraf: 33\n      beslut: enligt förslaget\n`,
      rule: 'protocol-as-proposed',
      at: 'beslut: enligt',
    },
    {
      name: '"enligt förslaget" on a rapport, which has no decision points',
      protocol: `${justering}  beslut:\n    - punkt: 3\n      paragraf: 33\n      beslut: enligt förslaget\n`,
      rule: 'protocol-as-proposed',
      at: 'beslut: enligt',
    },
    {
      name: 'a bad justeringsdatum',
      protocol:
        'protokoll:\n  justerare: [Anna Berg]\n  justeringsdatum: 2025-02-30\n  förvaras: Stadshuset\n',
      rule: 'protocol-date',
      at: 'justeringsdatum',
    },
    {
      name: 'a justering before the meeting',
      protocol:
        'protokoll:\n  justerare: [Anna Berg]\n  justeringsdatum: 2025-04-01\n  förvaras: Stadshuset\n',
      rule: 'protocol-date',
      at: 'justeringsdatum',
    },
    {
      name: 'a bad anslag date',
      protocol: `${justering}  anslag: 16 april\n`,
      rule: 'protocol-date',
      at: 'anslag',
    },
    {
      name: 'anslag before the justering',
      protocol: `${justering}  anslag: 2025-04-14\n`,
      rule: 'protocol-posting-date',
      at: 'anslag',
    },
    {
      name: 'anslag without justering',
      protocol: 'protokoll:\n  justerare: [Anna Berg]\n  förvaras: Stadshuset\n  anslag: 2025-04-16\n',
      rule: 'protocol-posting-date',
      at: 'anslag',
    },
    {
      name: 'anslag later than two days after the justering (a warning)',
      protocol: `${justering}  anslag: 2025-04-18\n`,
      rule: 'protocol-posting-late',
      at: 'anslag',
      severity: 'varning',
    },
    {
      name: 'an unknown key in a decision, with a suggestion',
      protocol: `${justering}  beslut:\n    - punkt: 2\n      paragraf: 34\n      beslut: enligt förslaget\n      reservation: [Per Ek (M) reserverar sig.]\n`,
      rule: 'unknown-key',
      at: 'reservation:',
    },
    {
      name: 'an unknown key in the protocol, with a suggestion',
      protocol: `${justering}  justerad: 2025-04-15\n`,
      rule: 'unknown-key',
      at: 'justerad',
    },
    {
      name: 'a § written as text',
      protocol: `${justering}  beslut:\n    - punkt: 2\n      paragraf: "§ 34"\n      beslut: enligt förslaget\n`,
      rule: 'field-type',
      at: 'paragraf',
    },
    {
      name: 'the protocol without förvaras',
      protocol: 'protokoll:\n  justerare: [Anna Berg]\n  justeringsdatum: 2025-04-15\n',
      rule: 'field-missing',
      at: 'protokoll:',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = read(c.protocol);
      const d = only(r.diagnostics, r.file, c.severity ?? 'fel');
      expect(d.rule).toBe(c.rule);
      expect(d.position!.line, JSON.stringify(d)).toBe(lineOf(r.text, c.at) - (c.before ? 1 : 0));
      if (c.severity === 'varning') expect(r.meeting?.protocol).toBeDefined();
      else expect(r.meeting).toBeUndefined();
    });
  }

  it('unknown keys suggest the right one', () => {
    const r = read(
      `${justering}  beslut:\n    - punkt: 2\n      paragraf: 34\n      beslut: enligt förslaget\n      reservation: [Per Ek (M) reserverar sig.]\n`,
    );
    const d = only(r.diagnostics, r.file);
    expect(d.message).toContain('i beslut 1 under protokoll');
    expect(d.hint).toContain('reservationer');
  });
});

describe('docs/sammantrade.md', () => {
  it('has a table row for every protocol rule the code can report', () => {
    const sources = [
      'src/meeting/read.ts',
      'src/cli/commands/protokollsutdrag.ts',
      'src/cli/commands/arkivera-protokoll.ts',
    ];
    const rules = new Set(
      sources.flatMap((f) =>
        [...readFileSync(join(root, f), 'utf8').matchAll(/'(protocol-[a-z-]+)'/g)].map((m) => m[1]!),
      ),
    );
    expect(rules.size).toBeGreaterThanOrEqual(10);
    const doc = readFileSync(join(root, 'docs/sammantrade.md'), 'utf8');
    const documented = new Set([...doc.matchAll(/^\| `(protocol-[a-z-]+)` \|/gm)].map((m) => m[1]!));
    expect([...documented].sort()).toEqual([...rules].sort());
  });
});
