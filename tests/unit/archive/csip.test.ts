/**
 * The package follows E-ARK CSIP 2.1 + E-ARK SIP 2.1 (FGS Paketstruktur 2.0). No npm or Debian
 * package ships the METS, PREMIS or CSIP schemas, so instead of `xmllint --schema` every requirement
 * we claim is checked here with xmllint XPath, matching elements and attributes by namespace URI
 * (so a wrong csip namespace fails), each assertion named after its CSIP/SIP requirement id.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { manifestSources } from '../../../src/archive/build.js';
import { readManifest } from '../../../src/archive/manifest.js';
import { type StoreRequest, storeArchivalPdf } from '../../../src/archive/store.js';
import { buildArchivalFixture, fixtureCaseText, fixtureSources } from './tagged-pdf.js';

const metsNs = 'http://www.loc.gov/METS/';
const csipNs = 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS';
const xlinkNs = 'http://www.w3.org/1999/xlink';

/** A METS element step: `m('fileSec')`. */
const m = (name: string) => `*[local-name()='${name}' and namespace-uri()='${metsNs}']`;
/** A csip: attribute: `csip('OAISPACKAGETYPE')`. */
const csip = (name: string) => `@*[local-name()='${name}' and namespace-uri()='${csipNs}']`;
/** An xlink: attribute. */
const xlink = (name: string) => `@*[local-name()='${name}' and namespace-uri()='${xlinkNs}']`;
/** Attributes every CSIP file or metadata reference must carry (CSIP22–30, 36–44, 68–72). */
const fileAttributes = '@MIMETYPE and @SIZE and @CREATED and @CHECKSUM and @CHECKSUMTYPE';
const locator = `@LOCTYPE='URL' and ${xlink('type')}='simple' and ${xlink('href')}`;

const root = `/${m('mets')}`;
const hdr = `${root}/${m('metsHdr')}`;
const physical = `${root}/${m('structMap')}[@TYPE='PHYSICAL' and @LABEL='CSIP' and @ID]`;
const packageDiv = `${physical}/${m('div')}`;

let arkiv: string;
let pkgDir: string;
let metsFile: string;
let repMetsFile: string;

const xpath = (expr: string, file = metsFile) =>
  execFileSync('xmllint', ['--xpath', expr, file], { encoding: 'utf8' }).trim();

beforeAll(async () => {
  arkiv = mkdtempSync(join(tmpdir(), 'skrivelse-csip-'));
  for (const text of [fixtureCaseText, `${fixtureCaseText}\nÄndrad.\n`]) {
    const req: StoreRequest = {
      arkivDir: arkiv,
      dnr: ['SON 2020-281'],
      title: 'Arbetsinriktad rehabilitering',
      date: '2023-08-30',
      pdf: await buildArchivalFixture(text),
      sources: manifestSources(fixtureSources(text)),
      tool: 'skrivelse 0.1.0',
    };
    await storeArchivalPdf(req);
  }
  pkgDir = join(arkiv, 'SON-2020-281');
  metsFile = join(pkgDir, 'METS.xml');
  repMetsFile = join(pkgDir, 'representations', 'pdfa', 'METS.xml');
});

describe('E-ARK CSIP folder structure', () => {
  it('has METS.xml, metadata/, representations/pdfa/METS.xml and data/ with the PDFs (CSIPSTR1–12)', () => {
    expect(readdirSync(pkgDir).sort()).toEqual(['METS.xml', 'metadata', 'representations']);
    expect(readdirSync(join(pkgDir, 'representations'))).toEqual(['pdfa']);
    expect(readdirSync(join(pkgDir, 'representations', 'pdfa')).sort()).toEqual(['METS.xml', 'data']);
    expect(existsSync(join(pkgDir, 'metadata', 'descriptive', 'dc.xml'))).toBe(true);
    expect(existsSync(join(pkgDir, 'metadata', 'preservation', 'premis.xml'))).toBe(true);
    for (const entry of readManifest(arkiv))
      expect(entry.file).toMatch(/^SON-2020-281\/representations\/pdfa\/data\/SON-2020-281_v00[12]\.pdf$/);
  });

  it('writes well-formed XML everywhere', () => {
    execFileSync('xmllint', [
      '--noout',
      metsFile,
      repMetsFile,
      join(pkgDir, 'metadata', 'descriptive', 'dc.xml'),
      join(pkgDir, 'metadata', 'preservation', 'premis.xml'),
    ]);
  });
});

const idRules: [id: string, expr: string, expected: string][] = [
  ['IDs are unique (xml:id rules)', `count(//*[@ID = preceding::*/@ID or @ID = ancestor::*/@ID])`, '0'],
  [
    'every DMDID/ADMID/FILEID resolves',
    'count(//@*[(local-name()="DMDID" or local-name()="ADMID" or local-name()="FILEID") and not(. = //@ID)])',
    '0',
  ],
];

describe('representation METS (representations/pdfa/METS.xml, CSIPSTR12)', () => {
  const requirements: [id: string, expr: string, expected: string][] = [
    ['CSIP1 OBJID is the representation folder name', `string(${root}/@OBJID)`, 'pdfa'],
    ['CSIP2 TYPE', `string(${root}/@TYPE)`, 'Textual works – Digital'],
    [
      'CSIP4 csip:CONTENTINFORMATIONTYPE (mandatory here)',
      `string(${root}/${csip('CONTENTINFORMATIONTYPE')})`,
      'OTHER',
    ],
    ['CSIP6 PROFILE', `string(${root}/@PROFILE)`, 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml'],
    ['CSIP9 csip:OAISPACKAGETYPE', `string(${hdr}/${csip('OAISPACKAGETYPE')})`, 'SIP'],
    [
      'CSIP10–CSIP16 software agent',
      `count(${hdr}/${m('agent')}[@ROLE='CREATOR' and @TYPE='OTHER' and @OTHERTYPE='SOFTWARE' and ${m('note')}[${csip('NOTETYPE')}='SOFTWARE VERSION']])`,
      '1',
    ],
    [
      'CSIP62–CSIP79 every version as a complete file in the Data fileGrp, relative to the representation',
      `count(${root}/${m('fileSec')}[@ID]/${m('fileGrp')}[@ID and @USE='Data' and ${csip('CONTENTINFORMATIONTYPE')}]/${m('file')}[@ID and ${fileAttributes} and @MIMETYPE='application/pdf' and @CHECKSUMTYPE='SHA-256' and ${m('FLocat')}[${locator} and starts-with(${xlink('href')}, 'data/SON-2020-281_v')]])`,
      '2',
    ],
    ['versions in order', `string(${root}/${m('fileSec')}//${m('file')}[2]/@ID)`, 'file-v002'],
    ['CSIP80–CSIP86 one CSIP structMap, main div labelled pdfa', `string(${packageDiv}[@ID]/@LABEL)`, 'pdfa'],
    ['CSIP80 exactly one structMap', `count(${root}/${m('structMap')})`, '1'],
    ['CSIP88–CSIP90 Metadata div', `count(${packageDiv}/${m('div')}[@ID and @LABEL='Metadata'])`, '1'],
    [
      'Data div points at the Data fileGrp',
      `count(${packageDiv}/${m('div')}[@LABEL='Data']/${m('fptr')}[@FILEID=${root}/${m('fileSec')}/${m('fileGrp')}/@ID])`,
      '1',
    ],
    [
      'no reference outside the representation (CSIP 5.3.5)',
      `count(//@*[local-name()='href'][starts-with(., '../') or starts-with(., '/') or contains(., ':')])`,
      '0',
    ],
    ...idRules,
  ];

  it.each(requirements)('%s', (_id, expr, expected) => {
    expect(xpath(expr, repMetsFile)).toBe(expected);
  });
});

describe('package METS.xml', () => {
  const requirements: [id: string, expr: string, expected: string][] = [
    ['CSIP1 OBJID is the package folder name', `string(${root}/@OBJID)`, 'SON-2020-281'],
    ['CSIP2 TYPE from the content category vocabulary', `string(${root}/@TYPE)`, 'Textual works – Digital'],
    ['CSIP3 no csip:OTHERTYPE since TYPE is not OTHER', `count(${root}/${csip('OTHERTYPE')})`, '0'],
    ['CSIP4 csip:CONTENTINFORMATIONTYPE', `string(${root}/${csip('CONTENTINFORMATIONTYPE')})`, 'OTHER'],
    [
      'CSIP5 csip:OTHERCONTENTINFORMATIONTYPE',
      `string(${root}/${csip('OTHERCONTENTINFORMATIONTYPE')})`,
      'Tjänsteskrivelse PDF/A-3a',
    ],
    ['CSIP6 + SIP PROFILE', `string(${root}/@PROFILE)`, 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml'],
    ['CSIP117 one metsHdr', `count(${hdr})`, '1'],
    ['CSIP7 CREATEDATE', `string(${hdr}/@CREATEDATE)`, '2023-08-30T00:00:00Z'],
    ['CSIP8 LASTMODDATE', `string(${hdr}/@LASTMODDATE)`, '2023-08-30T00:00:00Z'],
    ['CSIP9 + SIP csip:OAISPACKAGETYPE', `string(${hdr}/${csip('OAISPACKAGETYPE')})`, 'SIP'],
    [
      'CSIP10–CSIP16 software agent with typed version note',
      `count(${hdr}/${m('agent')}[@ROLE='CREATOR' and @TYPE='OTHER' and @OTHERTYPE='SOFTWARE' and ${m('name')}='skrivelse' and ${m('note')}[${csip('NOTETYPE')}='SOFTWARE VERSION']='0.1.0'])`,
      '1',
    ],
    [
      'CSIP17–CSIP30 dmdSec with a complete mdRef to Dublin Core',
      `count(${root}/${m('dmdSec')}[@ID and @CREATED and @STATUS='CURRENT']/${m('mdRef')}[${locator} and @MDTYPE='DC' and ${fileAttributes}])`,
      '1',
    ],
    ['CSIP31 one amdSec', `count(${root}/${m('amdSec')})`, '1'],
    [
      'CSIP32–CSIP44 digiprovMD with a complete mdRef to PREMIS',
      `count(${root}/${m('amdSec')}/${m('digiprovMD')}[@ID and @STATUS='CURRENT']/${m('mdRef')}[${locator} and @MDTYPE='PREMIS' and ${xlink('href')}='metadata/preservation/premis.xml' and ${fileAttributes}])`,
      '1',
    ],
    ['CSIP58/59 one fileSec with ID', `count(${root}/${m('fileSec')}[@ID])`, '1'],
    [
      'CSIP114/62/64/65 representation fileGrp',
      `count(${root}/${m('fileSec')}/${m('fileGrp')}[@ID and @USE='Representations/pdfa' and ${csip('CONTENTINFORMATIONTYPE')}='OTHER'])`,
      '1',
    ],
    [
      'CSIP66–72, 76–79 the representation fileGrp holds only the representation METS (CSIP 5.3.5)',
      `count(${root}/${m('fileSec')}/${m('fileGrp')}[@USE='Representations/pdfa']/${m('file')}[@ID and ${fileAttributes} and @MIMETYPE='application/xml' and @CHECKSUMTYPE='SHA-256' and ${m('FLocat')}[${locator} and ${xlink('href')}='representations/pdfa/METS.xml']])`,
      '1',
    ],
    ['CSIP66 nothing else in the fileSec', `count(${root}/${m('fileSec')}//${m('file')})`, '1'],
    ['CSIP80 exactly one structMap', `count(${root}/${m('structMap')})`, '1'],
    [
      'CSIP81–CSIP86 main div labelled with the package id',
      `string(${packageDiv}[@ID]/@LABEL)`,
      'SON-2020-281',
    ],
    [
      'CSIP88–CSIP92 Metadata div references the dmdSec and the digiprovMD',
      `count(${packageDiv}/${m('div')}[@ID and @LABEL='Metadata' and @DMDID=${root}/${m('dmdSec')}/@ID and @ADMID=${root}/${m('amdSec')}/${m('digiprovMD')}/@ID])`,
      '1',
    ],
    [
      'CSIP105–CSIP108 representation div points at its fileGrp',
      `count(${packageDiv}/${m('div')}[@ID and @LABEL='Representations/pdfa']/${m('fptr')}[@FILEID=${root}/${m('fileSec')}/${m('fileGrp')}[@USE='Representations/pdfa']/@ID])`,
      '1',
    ],
    [
      'CSIP109–CSIP112 representation div has an mptr to the representation METS',
      `count(${packageDiv}/${m('div')}[@LABEL='Representations/pdfa']/${m('mptr')}[${locator} and ${xlink('href')}='representations/pdfa/METS.xml'])`,
      '1',
    ],
    ...idRules,
  ];

  it.each(requirements)('%s', (_id, expr, expected) => {
    expect(xpath(expr)).toBe(expected);
  });

  it('PREMIS identifies each object by its path in the package, as the representation METS locates it', () => {
    const premis = join(pkgDir, 'metadata', 'preservation', 'premis.xml');
    const ids = xpath("//*[local-name()='objectIdentifierValue']/text()", premis).split('\n');
    const hrefs = xpath(`${root}//${m('FLocat')}/${xlink('href')}`, repMetsFile)
      .split('\n')
      .map((line) => `representations/pdfa/${/="([^"]+)"/.exec(line)?.[1]}`);
    expect(ids).toEqual(hrefs);
  });

  it('Dublin Core carries title, Dnr and date', () => {
    const dc = join(pkgDir, 'metadata', 'descriptive', 'dc.xml');
    const el = (name: string) =>
      xpath(`string(//*[local-name()='${name}' and namespace-uri()='http://purl.org/dc/elements/1.1/'])`, dc);
    expect([el('title'), el('identifier'), el('date'), el('language')]).toEqual([
      'Arbetsinriktad rehabilitering',
      'SON 2020-281',
      '2023-08-30',
      'sv',
    ]);
  });
});
