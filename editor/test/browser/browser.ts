import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/**
 * Where the scenarios' screenshots go: the README's pictures in editor/screenshots when
 * UPDATE_SCREENSHOTS=1, otherwise a temporary folder, so a test run leaves the tree as it was.
 */
export const screenshotDir =
  process.env.UPDATE_SCREENSHOTS === '1' ? join(import.meta.dirname, '..', '..', 'screenshots') : join(tmpdir(), 'tandem-screenshots');

/** Debian's Chromium, headless. A missing browser is a failure, not a skip. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium package or set CHROMIUM`);
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** What a person does on the canvas, by the elements they see. */
export function canvasDriver(page: Page) {
  const canvas = page.getByTestId('canvas');
  const node = (id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);
  /** Waits until the local checks ran and the server's answer for this version is in. */
  const checksSettled = async (): Promise<string> => {
    const summary = page.getByTestId('check-summary');
    await page.waitForFunction(() => {
      const text = document.querySelector('[data-testid=check-summary]')?.textContent ?? '';
      return text !== '' && !text.includes('Checking') && !text.includes('asking the server');
    });
    return (await summary.textContent()) ?? '';
  };
  return {
    canvas,
    node,
    /** Drags a step from the palette to a point of the canvas; resolves when it is drawn. */
    async drop(type: string, x: number, y: number): Promise<string> {
      const id = `${type.replace(/-/g, '_')}_1`;
      await page.locator(`[data-palette="${type}"]`).dragTo(canvas, { targetPosition: { x, y } });
      await node(id).waitFor();
      return id;
    },
    /** Drags from an output handle of one step to the input of another. */
    async connect(from: string, port: string, to: string): Promise<void> {
      // What the checks find grows the steps (badges, the 24-hour proof) and moves their handles:
      // take the handles' places once the checks of the last edit are shown.
      await checksSettled();
      const source = node(from).locator(`.react-flow__handle.source[data-handleid="${port}"]`);
      const target = node(to).locator('.react-flow__handle.target');
      const s = await settledBox(page, source);
      const t = await settledBox(page, target);
      if (!s || !t) throw new Error(`Cannot see the handles of ${from}.${port} → ${to}`);
      const before = await page.locator('.react-flow__edge').count();
      await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
      await page.mouse.down();
      await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 8 });
      // React Flow marks the input it will connect to; let go once it does.
      await node(to).locator('.react-flow__handle.target.connectingto.valid').waitFor();
      await page.mouse.up();
      await page.waitForFunction((n) => document.querySelectorAll('.react-flow__edge').length > n, before);
    },
    /** Types into a code field (Monaco) of the settings panel, once Monaco has replaced the plain box. */
    async typeCode(path: string, text: string): Promise<void> {
      const editor = page.locator(`.tn-inspector [data-path="${path}"] .monaco-editor`);
      await editor.waitFor();
      await editor.click();
      await page.keyboard.type(text);
    },
    checksSettled,
    /** Clicks "+" on an output of a step, picks a step in the picker by searching for it; resolves when it is drawn. */
    async addAfter(from: string, port: string, search: string, id: string): Promise<void> {
      await node(from).hover();
      await node(from).locator(`[data-add-after="${port}"]`).click();
      await pickStep(search, id);
    },
    /** Types into the open step picker and presses Enter; resolves when the new step is drawn. */
    pickStep,
    /** The canvas's zoom (1 = 100 %). */
    async zoom(): Promise<number> {
      const transform = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
      const m = /matrix\(([^,]+),/.exec(transform);
      return m ? Number(m[1]) : 1;
    },
    /** The boxes of the steps drawn on the canvas, in page pixels. */
    async stepBoxes(): Promise<{ id: string; x: number; y: number; width: number; height: number }[]> {
      return page.locator('.react-flow__node:not(.react-flow__node-note)').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { id: el.getAttribute('data-id') ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
    },
    /** Drags a connection out of an output and lets go at a point of the page. */
    async dragOutput(from: string, port: string, to: { x: number; y: number }): Promise<void> {
      await checksSettled();
      const s = await settledBox(page, node(from).locator(`.react-flow__handle.source[data-handleid="${port}"]`));
      if (!s) throw new Error(`Cannot see the output ${from}.${port}`);
      await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 10 });
      await page.mouse.up();
    },
  };

  async function pickStep(search: string, id: string): Promise<void> {
    const picker = page.getByTestId('step-picker');
    await picker.getByTestId('step-picker-search').fill(search);
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    await node(id).waitFor();
  }
}

export async function login(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('flow-list').waitFor();
}

/** The workspace id in the page's address (`#/w/<id>/...`). */
export function workspaceIdOf(page: Page): string {
  const match = /#\/w\/([^/]+)/.exec(page.url());
  if (!match) throw new Error(`No workspace in ${page.url()}`);
  return decodeURIComponent(match[1]!);
}

/** An element's box once it stopped moving (the viewport may still be animating to a step). */
async function settledBox(page: Page, locator: Locator) {
  let previous = await locator.boundingBox();
  for (let frame = 0; frame < 120; frame++) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const box = await locator.boundingBox();
    if (box && previous && box.x === previous.x && box.y === previous.y && box.width === previous.width) return box;
    previous = box;
  }
  return previous;
}
