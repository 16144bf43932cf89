import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshotDir } from './browser';
import { buildEditor, startTandem, type RunningTandem } from './tandemServer';

/**
 * One browser test file's setup: Chromium, the built editor and the real product started before its
 * tests and stopped after them (`env`, read when it starts, adds settings). `scenario` runs a test on a fresh 1280×800 page and, on failure,
 * attaches the page as it was and the server's last output to the error.
 */
export function productSession(options: { env?: () => Record<string, string> } = {}) {
  let tandem: RunningTandem | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    await buildEditor();
    tandem = await startTandem(options.env ? { env: options.env() } : {});
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await tandem?.stop();
  }, 60_000);

  const newPage = async (): Promise<Page> => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  };

  return {
    /** The running product (once the setup ran). */
    tandem: (): RunningTandem => tandem!,
    /** A screenshot for the README (see `screenshotDir`). */
    shot: (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`) }),
    async scenario(body: (page: Page) => Promise<void>): Promise<void> {
      const page = await newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      page.on('requestfailed', (r) => pageErrors.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? ''})`));
      try {
        await body(page);
      } catch (error) {
        const file = join(tmpdir(), `tandem-browser-failure-${Date.now()}.png`);
        await page.screenshot({ path: file }).catch(() => undefined);
        const logs = tandem?.output().split('\n').slice(-40).join('\n');
        const errors = pageErrors.length ? `\n--- page errors ---\n${pageErrors.slice(-10).join('\n')}` : '';
        if (error instanceof Error) error.message += `\n--- page: ${file}${errors}\n--- server output (last lines) ---\n${logs}`;
        throw error;
      }
    },
  };
}
