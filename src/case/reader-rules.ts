/** Rule ids the reader itself reports (before the validation rules run), for docs and tests. */
import type { Severity } from '../diagnostics.js';

export const readerRules: Record<string, { severity: Severity; description: string }> = {
  'file-unreadable': { severity: 'fel', description: 'Filen finns inte eller kan inte läsas.' },
  'file-too-large': { severity: 'fel', description: 'Filen är större än 2 MB.' },
  'file-empty': { severity: 'fel', description: 'Filen är tom.' },
  binary: { severity: 'fel', description: 'Filen innehåller NUL-tecken och är inte en textfil.' },
  encoding: { severity: 'fel', description: 'Filen är inte sparad som UTF-8 (t.ex. Latin-1).' },
  'too-complex': {
    severity: 'fel',
    description:
      'Filen är för komplex att läsa (mycket långa rader, djup nästling eller tusentals list- eller specialtecken).',
  },
  bom: { severity: 'info', description: 'Filen börjar med ett byte order mark; det tas bort.' },
  'front-matter-missing': { severity: 'fel', description: 'YAML-huvudet (mellan två "---") saknas.' },
  'front-matter-unclosed': { severity: 'fel', description: 'YAML-huvudet avslutas aldrig med "---".' },
  'yaml-syntax': { severity: 'fel', description: 'YAML-huvudet har ett syntaxfel.' },
  'yaml-tab': { severity: 'fel', description: 'Tabbtecken används som indrag i YAML-huvudet.' },
  'yaml-duplicate-key': { severity: 'fel', description: 'Samma nyckel står två gånger.' },
  'unknown-key': { severity: 'fel', description: 'Okänd nyckel (med förslag på rätt stavning).' },
  'field-missing': { severity: 'fel', description: 'En obligatorisk nyckel saknas eller saknar värde.' },
  'field-type': {
    severity: 'fel',
    description: 'Fel sorts värde, t.ex. ett tal där text ska stå eller text där en lista ska stå.',
  },
  'field-value': { severity: 'fel', description: 'Ogiltigt värde, t.ex. en okänd MBL-typ eller tom text.' },
  'text-before-section': { severity: 'fel', description: 'Text före första avsnittsrubriken (##).' },
  'heading-level': {
    severity: 'fel',
    description: 'Rubrik med # (nivå 1), också inuti ett citat eller en lista; avsnitt skrivs med ##.',
  },
  'markdown-unsupported': {
    severity: 'fel',
    description:
      'Markdown som ännu inte kan skrivas ut (genomstrykning, lista i en fotnot, kryssruta, bild med referens); texten skulle annars falla bort.',
  },
  'image-alt': {
    severity: 'fel',
    description: 'En bild saknar alternativtext (beskrivningen inom hakparenteserna).',
  },
  'image-remote': {
    severity: 'fel',
    description: 'En bild är en webbadress; bilder hämtas aldrig från nätet.',
  },
  'image-path': { severity: 'fel', description: 'En bildfil ligger utanför ärendefilens mapp.' },
  'image-missing': { severity: 'fel', description: 'En bildfil finns inte eller kan inte läsas.' },
  'image-format': {
    severity: 'fel',
    description: 'En bildfil är inte en hel PNG- eller JPEG-bild, eller är för stor.',
  },
  'image-placement': {
    severity: 'fel',
    description: 'En bild står mitt i en mening i stället för i ett eget stycke.',
  },
  'mask-empty': { severity: 'fel', description: 'En maskering (:maskera[…]) har ingen text.' },
  'mask-ground': {
    severity: 'fel',
    description:
      'En maskering (:maskera[…]) saknar grund (grund="…"): varför texten maskeras vid publicering.',
  },
  'mask-nested': { severity: 'fel', description: 'En maskering står inuti en annan maskering.' },
  'footnote-missing': {
    severity: 'fel',
    description: 'En fotnotshänvisning ([^1]) utan fotnotstext ([^1]: …); den skulle skrivas ut som "[^1]".',
  },
  'footnote-unused': {
    severity: 'varning',
    description: 'En fotnotstext ([^1]: …) som ingen hänvisning i texten pekar på; den skrivs inte ut.',
  },
  'unclosed-block': {
    severity: 'fel',
    description:
      'Ett kodblock (```) eller en kommentar (<!--) stängs aldrig och tar med sig resten av filen.',
  },
  internal: { severity: 'fel', description: 'Internt fel i skrivelse (inte i ärendet).' },
};
