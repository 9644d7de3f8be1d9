/** Individual rules on small variations of a valid case, under both profiles. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCase } from '../../../src/case/read.js';
import { rules } from '../../../src/validate/index.js';
import { brief, exempel, fixture, linkoping } from '../case/helpers.js';

const valid = readFileSync(fixture('valid.md'), 'utf8');
const exempelValid = readFileSync(fixture('exempel-valid.md'), 'utf8');

/** Reads valid.md with one replacement applied (the replacement must apply). */
function variant(from: string, to: string, base = valid, profile = linkoping) {
  expect(base).toContain(from);
  return readCase(base.replace(from, to), 'x.md', profile);
}
const rulesOf = (r: ReturnType<typeof readCase>) => r.diagnostics.map((d) => d.rule);

describe('rule table', () => {
  it('has kebab-case ids, a severity and a Swedish description per rule', () => {
    for (const [id, rule] of Object.entries(rules)) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['fel', 'varning', 'info']).toContain(rule.severity);
      expect(rule.description).toMatch(/[a-zåäö]/);
    }
  });
});

describe('rules', () => {
  it('dnr-format uses the addressed nämnd of the chosen profile', () => {
    const r = variant('KS 2024/123', 'KS 2024-123', exempelValid, exempel);
    expect(brief(r.diagnostics)).toEqual(['dnr-format@3:6']);
    expect(r.diagnostics[0]!.hint).toContain('"KS 2024/123"');
    expect(r.diagnostics[0]!.message).toContain('Kommunstyrelsen');
  });

  it('dnr-format accepts a "Dnr " prefix and a list of numbers', () => {
    expect(rulesOf(variant('dnr: SON 2024-17', 'dnr:\n  - Dnr SON 2024-17\n  - SON 2023-9'))).not.toContain(
      'dnr-format',
    );
  });

  it('decision-missing when several nämnder share one list of points', () => {
    const r = variant(
      'nämnd: Social- och omsorgsnämnden',
      'nämnd: [Social- och omsorgsnämnden, Bildningsnämnden]',
    );
    expect(rulesOf(r)).toContain('decision-missing');
  });

  it('decision-missing when a nämnd has no block in the map', () => {
    const joint = readFileSync(fixture('joint.md'), 'utf8');
    const r = variant(
      '  Bildningsnämnden:\n    - Bildningsnämnden antar den gemensamma handlingsplanen mot skolfrånvaro.\n',
      '',
      joint,
    );
    expect(brief(r.diagnostics)).toEqual(['decision-missing@17:1']);
    expect(r.diagnostics[0]!.message).toMatch(/^Bildningsnämnden har inga beslutspunkter/);
  });

  it('decision-standalone catches each listed phrase', () => {
    for (const phrase of [
      'enligt ovan',
      'enligt förslaget',
      'se ovan',
      'i enlighet med förvaltningens förslag',
    ]) {
      const r = variant('enligt bilaga 1.', `${phrase}.`);
      expect(brief(r.diagnostics)).toEqual(['decision-standalone@11:5']);
    }
  });

  it('signature-missing for an empty list and for a förvaltning that does not sign', () => {
    const none = variant(
      'underskrifter:\n  - förvaltning: Social- och omsorgsförvaltningen\n    namn: Bo Berg\n    titel: Social- och omsorgsdirektör\n',
      'underskrifter: []\n',
    );
    expect(brief(none.diagnostics)).toEqual(['signature-missing@23:1']);
    const joint = readFileSync(fixture('joint.md'), 'utf8');
    const r = variant(
      '  - förvaltning: Social- och omsorgsförvaltningen\n    namn: Sara Stål\n',
      '  - förvaltning: Utbildningsförvaltningen\n    namn: Sara Stål\n',
      joint,
    );
    expect(rulesOf(r)).toContain('signature-missing');
  });

  it('personnummer: only numbers that pass the checksum and date test', () => {
    const text = (s: string) => variant('Nuvarande riktlinjer antogs 2015.', s);
    expect(rulesOf(text('Den sökande, 121212-1212, har fått svar.'))).toContain('personnummer');
    expect(rulesOf(text('Den sökande, 121212-1213, har fått svar.'))).not.toContain('personnummer');
    expect(rulesOf(text('Organisationsnummer 212000-2403 och telefon 013-20 60 00.'))).not.toContain(
      'personnummer',
    );
    expect(rulesOf(text('Ärendenummer 20201234567890 och 1234567890.'))).not.toContain('personnummer');
  });

  it('arende-missing (fel) and arende-conclusion (info)', () => {
    const noArende = variant(
      '## Ärende\n\nRiktlinjerna för hemtjänst behöver uppdateras.\n\nAv ovanstående skäl föreslås social- och omsorgsnämnden att anta riktlinjerna.\n\n',
      '',
    );
    expect(rulesOf(noArende)).toContain('arende-missing');
    const empty = variant(
      'Riktlinjerna för hemtjänst behöver uppdateras.\n\nAv ovanstående skäl föreslås social- och omsorgsnämnden att anta riktlinjerna.\n',
      '<!-- skriv här -->\n',
    );
    expect(brief(empty.diagnostics)).toEqual(['arende-missing@31:1']);
    const noConclusion = variant(
      'Av ovanstående skäl föreslås social- och omsorgsnämnden att anta riktlinjerna.',
      'Mer.',
    );
    expect(noConclusion.case).toBeDefined();
    expect(brief(noConclusion.diagnostics, ['info'])).toEqual(['arende-conclusion@31:1']);
  });

  it('section-unknown is info with a did-you-mean for near misses', () => {
    const r = variant('## Samråd', '## Samrad');
    const info = r.diagnostics.find((d) => d.rule === 'section-unknown')!;
    expect(info.severity).toBe('info');
    expect(info.message).toContain('tas med som fritt avsnitt');
    expect(info.hint).toBe('Menade du "Samråd"?');
    expect(rulesOf(r)).toContain('consequence-missing');
  });

  it('consequence-missing accepts ej_relevant, a link, or written text', () => {
    const removed = valid.replace('## Samråd\n\nFörslaget har tagits fram i samråd med brukarråden.\n\n', '');
    const withReason = removed.replace(
      'konsekvenser:\n',
      'konsekvenser:\n  samråd:\n    ej_relevant: Inget samråd behövs.\n',
    );
    expect(readCase(withReason, 'x.md', linkoping).case).toBeDefined();
    const withoutLink = variant(
      '  kommunala_mål:\n    länk: https://www.linkoping.se/\n    länktext: Kommunfullmäktiges mål\n',
      '',
    );
    expect(brief(withoutLink.diagnostics)).toEqual(['consequence-missing@14:1']);
    const empty = variant('Förslaget har tagits fram i samråd med brukarråden.', '');
    expect(brief(empty.diagnostics)).toEqual(['consequence-missing@49:1']);
  });

  it('consequence-empty warns about an empty optional consequence section', () => {
    const r = variant('## Samråd', '## Miljö\n\n## Samråd');
    expect(brief(r.diagnostics)).toEqual(['consequence-empty@49:1']);
  });

  it('unknown-consequence with did-you-mean on ASCII spelling', () => {
    const r = variant('  jämställdhet:\n', '  jamstalldhet:\n');
    const d = r.diagnostics.find((x) => x.rule === 'unknown-consequence')!;
    expect(d.position).toEqual({ line: 18, column: 3 });
    expect(d.hint).toBe('Menade du "jämställdhet"?');
  });

  it('field-value for a misspelt MBL kind, with did-you-mean', () => {
    const r = variant('typ: information', 'typ: informaton');
    expect(brief(r.diagnostics)).toEqual(['field-value@21:8']);
    expect(r.diagnostics[0]!.hint).toBe('Menade du "information"?');
  });

  it('mbl-per-department when a joint memo gives one MBL statement', () => {
    const r = variant(
      'förvaltning: Social- och omsorgsförvaltningen\nhandläggare',
      'förvaltning: [Social- och omsorgsförvaltningen, Utbildningsförvaltningen]\nhandläggare',
    );
    expect(rulesOf(r)).toContain('mbl-per-department');
  });

  it('secrecy-section names a section that must exist', () => {
    const r = variant(
      'beslutet_skickas_till:',
      'sekretess:\n  - avsnitt: Bakgrunden\n    osl: 26 kap. 1 § OSL\nbeslutet_skickas_till:',
    );
    const d = r.diagnostics.find((x) => x.rule === 'secrecy-section')!;
    expect(d.position).toEqual({ line: 28, column: 14 });
    expect(d.hint).toBe('Menade du "Bakgrund"?');
  });

  it('template-unknown for a mall that does not exist', () => {
    const r = variant('datum: 2024-03-12', 'mall: protokoll\ndatum: 2024-03-12');
    expect(brief(r.diagnostics)).toEqual(['template-unknown@2:7']);
  });

  it.each([
    '../../x',
    '../tjansteskrivelse',
    '../templates/tjansteskrivelse',
    '.',
    '..',
    '/etc',
    'a/b',
    'tjansteskrivelse/',
    'profiler',
    'okänd',
  ])('template-unknown for "mall: %s": a kind is a name, never a path', (mall) => {
    const r = variant('datum: 2024-03-12', `mall: "${mall}"\ndatum: 2024-03-12`);
    expect(brief(r.diagnostics)).toEqual(['template-unknown@2:7']);
    expect(r.diagnostics[0]!.hint).toBe(
      'Tillgängliga mallar: tjänsteskrivelse, rapport. Utelämna mall: för en vanlig tjänsteskrivelse.',
    );
    expect(r.case).toBeUndefined();
  });

  it('the kind may be written with or without å, ä, ö and in any case', () => {
    for (const mall of ['tjänsteskrivelse', 'tjansteskrivelse', 'Tjänsteskrivelse'])
      expect(variant('datum: 2024-03-12', `mall: ${mall}\ndatum: 2024-03-12`).diagnostics).toEqual([]);
  });

  it('field-missing points at the parent and names the key', () => {
    const r = variant('rubrik: Riktlinjer för hemtjänst\n', '');
    expect(r.diagnostics.map((d) => d.message)).toEqual(['Nyckeln rubrik saknas.']);
    const nested = variant('  namn: Anna Andersson\n', '');
    expect(nested.diagnostics.map((d) => [d.rule, d.message, d.position?.line])).toEqual([
      ['field-missing', 'Nyckeln handläggare.namn saknas.', 5],
    ]);
  });

  it('a telephone number written as a number must be quoted (it would lose its leading zero)', () => {
    const r = variant('  titel: Utredare\n', '  titel: Utredare\n  telefon: 0132060000\n');
    expect(brief(r.diagnostics)).toEqual(['field-type@8:12']);
    expect(r.diagnostics[0]!.hint).toBe('Sätt värdet inom citattecken, t.ex. telefon: "0132060000".');
  });

  it('optional keys may be written without a value', () => {
    expect(
      variant(
        'beslutet_skickas_till:\n  - Social- och omsorgsförvaltningen\n',
        'beslutet_skickas_till:\nsekretess:\n',
      ).case,
    ).toBeDefined();
  });

  it('unknown-department checks signatures too', () => {
    const r = variant(
      '  - förvaltning: Social- och omsorgsförvaltningen\n',
      '  - förvaltning: Socialförvaltningen\n',
    );
    expect(brief(r.diagnostics)).toEqual(['signature-missing@23:1', 'unknown-department@24:18']);
  });
});

describe('content rules run on the schema-valid part of the front matter', () => {
  const joint = readFileSync(fixture('joint.md'), 'utf8');
  const dnrMismatch = (text: string) => text.replace('dnr: SON 2024-17', 'dnr: SON 2024/17');

  it('a number for telefon and a Dnr mismatch are reported together', () => {
    const r = variant(
      '  titel: Utredare\n',
      '  titel: Utredare\n  telefon: 0132060000\n',
      dnrMismatch(valid),
    );
    expect(brief(r.diagnostics)).toEqual(['dnr-format@3:6', 'field-type@8:12']);
    expect(r.case).toBeUndefined();
  });

  it('a missing key, an unknown key and a Dnr mismatch are reported together', () => {
    const r = variant(
      'rubrik: Riktlinjer för hemtjänst\n',
      'rubrk: Riktlinjer för hemtjänst\n',
      dnrMismatch(valid),
    );
    expect(brief(r.diagnostics)).toEqual(['field-missing@2:1', 'dnr-format@3:6', 'unknown-key@9:1']);
    expect(r.case).toBeUndefined();
  });

  it('a wrong type in nämnd gives no derived errors about decision points, Dnr or unknown nämnder', () => {
    const r = variant('nämnd:\n  - Bildningsnämnden\n  - Social- och omsorgsnämnden\n', 'nämnd: 42\n', joint);
    expect(brief(r.diagnostics)).toEqual(['field-type@13:8']);
    expect(r.case).toBeUndefined();
    const map = variant('nämnd: Social- och omsorgsnämnden', 'nämnd:\n  namn: Social- och omsorgsnämnden');
    expect(brief(map.diagnostics)).toEqual(['field-type@9:3']);
  });

  it('a wrong type in förvaltning gives no derived MBL or signature errors, but other rules still run', () => {
    const r = variant(
      'förvaltning:\n  - Utbildningsförvaltningen\n  - Social- och omsorgsförvaltningen\n',
      'förvaltning: true\n',
      joint
        .replace('typ: samverkan', 'typ: samverkan\n    datum: 2024-09-30')
        .replace('    datum: 2024-09-02\n', ''),
    );
    expect(rulesOf(r)).toEqual(['field-type', 'mbl-date-after-memo']);
  });

  it('a wrong type in konsekvenser does not make the explained sections count as missing', () => {
    const r = variant('länk: https://www.linkoping.se/', 'länk: 42');
    expect(brief(r.diagnostics)).toEqual(['field-type@16:11']);
  });

  it('a misspelt MBL kind gives no derived MBL errors in a joint memo', () => {
    const r = variant('typ: samverkan', 'typ: samverkn', joint);
    expect(brief(r.diagnostics)).toEqual(['field-value@34:10']);
  });
});

describe('link-scheme', () => {
  const body = 'Riktlinjerna för hemtjänst behöver uppdateras.';
  const linked = (target: string) => variant(body, `Se [riktlinjerna](${target}).`);

  it.each([
    ['javascript:alert(1)', /använder javascript:/],
    ['JavaScript:alert(1)', /använder javascript:/],
    ['vbscript:msgbox(1)', /använder vbscript:/],
    ['file:///C:/riktlinjer.docx', /använder file:/],
    ['data:text/html,x', /använder data:/],
    ['ftp://ftp.linkoping.se/a', /använder ftp:/],
    ['tel:013-206000', /använder tel:/],
    ['bilaga.pdf', /relativ sökväg/],
    ['../bilaga.pdf', /relativ sökväg/],
    ['/kommun/bilaga.pdf', /relativ sökväg/],
    ['#bakgrund', /ankare/],
    ['www.linkoping.se', /saknar https:\/\//],
    ['http:/www.linkoping.se', /ingen fullständig adress/],
    ['mailto:', /ingen fullständig adress/],
  ])('%s is a fel at the link, with a hint', (target, message) => {
    const r = linked(target);
    expect(brief(r.diagnostics)).toEqual(['link-scheme@33:4']);
    expect(r.diagnostics[0]!.message).toMatch(message);
    expect(r.diagnostics[0]!.hint).toMatch(/https:\/\//);
    expect(r.case).toBeUndefined();
  });

  it('an autolink with another scheme is caught too', () => {
    expect(brief(variant(body, 'Se <javascript:alert(1)>.').diagnostics)).toEqual(['link-scheme@33:4']);
  });

  it.each([
    'https://www.linkoping.se/',
    'HTTP://www.linkoping.se/a(b)',
    'mailto:hemtjanst@linkoping.se',
    '<https://exempel.se/a b>',
  ])('%s is allowed', (target) => {
    expect(brief(linked(target).diagnostics)).toEqual([]);
  });

  it('checks konsekvenser: länk in the front matter', () => {
    const r = variant('länk: https://www.linkoping.se/', 'länk: "javascript:alert(1)"');
    expect(brief(r.diagnostics)).toEqual(['link-scheme@16:11']);
    expect(r.diagnostics[0]!.field).toBe('konsekvenser.kommunala_mål.länk');
  });
});

describe('control-char in front-matter values', () => {
  it.each([
    ['\\x07', 'U+0007'],
    ['\\0', 'U+0000'],
    ['\\e', 'U+001B'],
    ['\\N', 'U+0085'],
    ['\\uFFFE', 'U+FFFE'],
    ['\\uD800', 'U+D800'],
  ])('the YAML escape %s in rubrik is a fel at the field', (sequence, codePoint) => {
    const r = variant('rubrik: Riktlinjer för hemtjänst', `rubrik: "Riktlinjer${sequence} för hemtjänst"`);
    expect(brief(r.diagnostics)).toEqual(['control-char@9:9']);
    expect(r.diagnostics[0]!.message).toContain(codePoint);
    expect(r.diagnostics[0]!.field).toBe('rubrik');
  });

  it('covers nested fields and lists', () => {
    const r = variant('  - Social- och omsorgsförvaltningen\n---', '  - "Social-\\x01 och"\n---');
    expect(brief(r.diagnostics)).toEqual(['control-char@28:5']);
    expect(r.diagnostics[0]!.message).toContain('beslutet_skickas_till[1]');
  });

  it('a tab, a line break or a no-break space written as escapes are fine', () => {
    const r = variant('rubrik: Riktlinjer för hemtjänst', 'rubrik: "Riktlinjer\\tför\\nhem\\_tjänst"');
    expect(brief(r.diagnostics)).toEqual([]);
  });

  it('a character written literally is reported once, at the character', () => {
    const r = variant('rubrik: Riktlinjer för hemtjänst', 'rubrik: "Riktlinjer\u0007 för hemtjänst"');
    expect(brief(r.diagnostics)).toEqual(['control-char@9:20']);
  });
});
