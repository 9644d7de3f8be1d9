import { describe, expect, it } from 'vitest';
import { diffCases, hasDifferences, summaryLine } from '../../../src/diff/index.js';
import { sideText } from '../../../src/diff/words.js';
import { copyCase, makeCase, section } from '../../fixtures/diff/builder.js';

const base = makeCase();

describe('diffCases on hand-built cases', () => {
  it('finds nothing between identical cases', () => {
    const diff = diffCases(base, copyCase(base));
    expect(hasDifferences(diff.summary)).toBe(false);
    expect(summaryLine(diff.summary)).toBe('Inga skillnader.');
  });

  it('reports a moved section as flyttat, not as a content change', () => {
    const b = copyCase(base);
    const [arende, bakgrund, ekonomi, samrad] = b.sections;
    b.sections = [arende!, ekonomi!, samrad!, bakgrund!];
    const diff = diffCases(base, b);
    const moved = diff.sections.filter((s) => s.moved).map((s) => s.heading);
    expect(moved).toEqual(['Bakgrund']);
    expect(diff.sections.every((s) => s.kind === 'same')).toBe(true);
    expect(diff.summary).toMatchObject({ total: 0, movedSections: 1 });
    expect(summaryLine(diff.summary)).toBe('Inga ändringar i innehållet; 1 avsnitt flyttat.');
    expect(hasDifferences(diff.summary)).toBe(true);
  });

  it('reports a moved and edited section as both flyttat and changed', () => {
    const b = copyCase(base);
    b.sections = [b.sections[1]!, b.sections[0]!, b.sections[2]!, b.sections[3]!];
    b.sections[0] = section('Bakgrund', 'Under 2023 och 2024 har en försöksverksamhet pågått på två skolor.');
    const diff = diffCases(base, b);
    const bakgrund = diff.sections.find((s) => s.heading === 'Bakgrund')!;
    const arende = diff.sections.find((s) => s.heading === 'Ärende')!;
    expect(bakgrund.moved || arende.moved).toBe(true);
    expect(bakgrund.kind).toBe('changed');
    expect(bakgrund.paragraphs[0]!.words!.filter((w) => w.op === 'ins').map((w) => w.text)).toEqual([
      ' och 2024',
    ]);
    expect(diff.summary.body).toBe(1);
  });

  it('shows a reworded decision point as changed with a word diff', () => {
    const b = copyCase(base);
    b.decisions[0]!.points[1]!.text =
      'Social- och omsorgsnämnden avsätter 1 500 000 kr per år ur nämndens budgetram.';
    const diff = diffCases(base, b);
    const points = diff.decisions[0]!.points;
    expect(points.map((p) => p.kind)).toEqual(['same', 'changed', 'same']);
    const changed = points[1]!;
    expect(changed.words!.filter((w) => w.op !== 'same').map((w) => w.text.trim())).toEqual([
      '1 200 000',
      '1 500 000',
    ]);
    expect(sideText(changed.words!, 'new')).toBe(changed.new);
    expect(summaryLine(diff.summary)).toBe('1 ändring i förslag till beslut.');
  });

  it('does not count renumbering caused by an inserted point as rewording', () => {
    const b = copyCase(base);
    b.decisions[0]!.points.unshift({
      text: 'Nämnden antar en ny modell för samverkan mellan skolan och socialtjänsten.',
    });
    const diff = diffCases(base, b);
    const points = diff.decisions[0]!.points;
    expect(points.map((p) => p.kind)).toEqual(['added', 'same', 'same', 'same']);
    expect(points.map((p) => [p.oldNumber, p.newNumber])).toEqual([
      [undefined, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(points.some((p) => p.moved)).toBe(false);
    expect(diff.summary).toMatchObject({ decisions: 1, movedPoints: 0 });
  });

  it('reports swapped points as moved, not reworded', () => {
    const b = copyCase(base);
    const p = b.decisions[0]!.points;
    b.decisions[0]!.points = [p[1]!, p[0]!, p[2]!];
    const diff = diffCases(base, b);
    expect(diff.decisions[0]!.points.every((x) => x.kind === 'same')).toBe(true);
    expect(diff.summary).toMatchObject({ decisions: 0, movedPoints: 1 });
    expect(summaryLine(diff.summary)).toBe('Inga ändringar i innehållet; 1 beslutspunkt flyttad.');
  });

  it('shows a nämnd added to a joint memo as a new block', () => {
    const b = copyCase(base);
    b.boards.push('Bildningsnämnden');
    b.decisions.push({
      board: 'Bildningsnämnden',
      points: [
        { text: 'Bildningsnämnden godkänner överenskommelsen.' },
        { text: 'Bildningsnämnden avsätter 800 000 kr.' },
      ],
    });
    const diff = diffCases(base, b);
    expect(diff.decisions.map((d) => [d.board, d.kind])).toEqual([
      ['Social- och omsorgsnämnden', 'same'],
      ['Bildningsnämnden', 'added'],
    ]);
    expect(diff.decisions[1]!.points.map((p) => p.kind)).toEqual(['added', 'added']);
    expect(diff.metadata).toEqual([
      { path: 'nämnd', label: 'Nämnd', kind: 'added', new: 'Bildningsnämnden' },
    ]);
    expect(summaryLine(diff.summary)).toBe('2 ändringar i förslag till beslut, 1 i metadata.');
  });

  it('reports a changed MBL date per förvaltning', () => {
    const b = copyCase(base);
    b.mbl[1]!.date = '2024-10-11';
    const diff = diffCases(base, b);
    expect(diff.metadata).toMatchObject([
      {
        path: 'mbl[Utbildningsförvaltningen].datum',
        kind: 'changed',
        old: '2024-10-09',
        new: '2024-10-11',
      },
    ]);
    expect(summaryLine(diff.summary)).toBe('1 ändring i metadata.');
  });

  it('reports an added recipient, and ignores reordering of recipients', () => {
    const b = copyCase(base);
    b.recipients = [
      'Utbildningsförvaltningen',
      'Social- och omsorgsförvaltningen',
      'Kommunledningsförvaltningen',
    ];
    const diff = diffCases(base, b);
    expect(diff.metadata).toEqual([
      {
        path: 'beslutet_skickas_till',
        label: 'Beslutet skickas till',
        kind: 'added',
        new: 'Kommunledningsförvaltningen',
      },
    ]);
  });

  it('compares every metadata field', () => {
    const b = copyCase(base);
    b.date = '2024-10-16';
    b.dnr = ['SON 2024-112'];
    b.officer = { name: 'Karin Holm', title: 'Utredare', phone: '013-20 60 00' };
    b.title = 'Gemensam modell för tidiga insatser för barn';
    b.decisionBasis[1] = 'Överenskommelse, förslag 2024-10-01';
    b.signatures[0]!.name = 'Maria Ekström';
    b.secrecy = [{ section: 'Bakgrund', osl: '26 kap. 1 § OSL' }];
    b.consequences = {
      jämställdhet: {},
      kommunala_mål: { link: { url: 'https://example.se', text: 'Mål' } },
    };
    const paths = diffCases(base, b).metadata.map((m) => `${m.path}:${m.kind}`);
    expect(paths).toEqual([
      'datum:changed',
      'dnr:removed',
      'handläggare.titel:changed',
      'handläggare.telefon:added',
      'rubrik:changed',
      'beslutsunderlag:changed',
      'underskrifter[Social- och omsorgsförvaltningen].namn:changed',
      'sekretess[Bakgrund]:added',
      'konsekvenser.jämställdhet.ej_relevant:removed',
      'konsekvenser.kommunala_mål.länk:added',
      'konsekvenser.kommunala_mål.länktext:added',
    ]);
  });

  it('finds no difference in wrapping, trailing spaces, CRLF or NFD', () => {
    const b = copyCase(base);
    b.sections[0]!.markdown =
      'Förvaltningarna har tagit fram   en modell\r\nför tidiga insatser.   \r\n\r\n\r\nKostnaden är 2\u00A0000\u00A0000 kr per år.\n';
    b.title = 'Gemensam modell fo\u0308r tidiga insatser\nför barn och unga ';
    b.decisions[0]!.points[0]!.text = base.decisions[0]!.points[0]!.text.normalize('NFD').replace(/ /g, '\n');
    const diff = diffCases(base, b);
    expect(diff.summary.total).toBe(0);
    expect(hasDifferences(diff.summary)).toBe(false);
  });

  it('uses plural and singular correctly in the summary line', () => {
    const b = copyCase(base);
    b.sections[0]!.markdown = 'Helt ny text om något annat.\n\nKostnaden är 2 500 000 kr per år.';
    b.sections[1]!.markdown = 'Under 2022 har en försöksverksamhet pågått på tre skolor.';
    b.decisions[0]!.points[0]!.text =
      'Social- och omsorgsnämnden godkänner överenskommelsen med bildningsnämnden.';
    b.decisions[0]!.points[2]!.text = 'Förvaltningen får i uppdrag att följa upp modellen varje halvår.';
    b.decisions[0]!.points.push({ text: 'Paragrafen justeras omedelbart.' });
    b.date = '2024-11-01';
    const diff = diffCases(base, b);
    expect(summaryLine(diff.summary)).toBe('3 ändringar i förslag till beslut, 1 i metadata, 4 i löptext.');
  });
});
