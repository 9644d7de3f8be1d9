/**
 * Headless Chromium for the HTML tests (playwright-core drives the system's chromium; no download), and
 * axe-core, the accessibility engine public-sector WCAG audits use, run inside the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** A browser with a fresh profile folder under `dir` (the persistent-context API is how playwright takes --user-data-dir). */
export function launchChromium(
  dir: string,
  viewport = { width: 1100, height: 900 },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(join(dir, 'profil'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport,
    deviceScaleFactor: 1,
  });
}

const axeSource = () => readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A and AA violations on the page as loaded. */
export async function axeViolations(page: Page): Promise<unknown[]> {
  await page.addScriptTag({ content: axeSource() });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations;
  });
}
