/**
 * The n8n editor as a user sees it: log in, open a workflow, read the canvas, open a node's panel
 * and read its visible text, open a credential dialog. Text is read with innerText, so only what
 * is rendered and visible counts. Selectors are n8n 2.40.7's own data-test-id attributes.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';

export const SCREENSHOT_DIR = join(__dirname, 'screenshots');
const STEP_TIMEOUT_MS = 20_000;

export class Editor {
  readonly screenshots: string[] = [];

  private constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  static async open(browser: Browser, baseUrl: string, login: { email: string; password: string }): Promise<Editor> {
    const context = browser.defaultBrowserContext();
    await context.overridePermissions(baseUrl, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    // Loopback only: any request for another host is refused before it leaves the browser.
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(baseUrl) || url.startsWith('data:') || url.startsWith('blob:')) void request.continue();
      else void request.abort();
    });
    // Leaving a workflow the panels touched asks "leave the page?": yes, nothing is to be saved.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
    const status = await page.evaluate(async (body) => {
      const response = await fetch('/rest/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return response.status;
    }, { emailOrLdapLoginId: login.email, password: login.password });
    if (status !== 200) throw new Error(`n8n refused the owner's login (${status})`);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    return new Editor(page, baseUrl);
  }

  async openWorkflow(id: string, nodeCount: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/workflow/${id}`, { waitUntil: 'domcontentloaded' });
    await this.page.waitForFunction(
      (count) => document.querySelectorAll('[data-test-id="canvas-node"]').length === count,
      {},
      nodeCount,
    );
    await this.settle();
  }

  /** One canvas node's visible text (name, subtitle or note), by node name; its hover toolbar left out. */
  async canvasNodeText(name: string): Promise<string> {
    const node = await this.canvasNode(name);
    return node.evaluate((el) => {
      const box = (el.closest('.vue-flow__node') ?? el) as HTMLElement;
      const controls = box.querySelectorAll<HTMLElement>('[data-test-id="canvas-node-toolbar"], button');
      const toolbarLines = new Set([...controls].flatMap((control) => control.innerText.split('\n')));
      return box.innerText
        .split('\n')
        .filter((line) => line.trim() !== '' && !toolbarLines.has(line))
        .join('\n');
    });
  }

  async canvasNode(name: string): Promise<ElementHandle<Element>> {
    const node = await this.page.$(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
    if (!node) throw new Error(`no canvas node named "${name}"`);
    return node;
  }

  /** Double-clicks the node and waits for its panel (the NDV). */
  async openNode(name: string): Promise<void> {
    const node = await this.canvasNode(name);
    await node.click({ count: 2 });
    await this.page.waitForSelector('[data-test-id="ndv"] [data-test-id="node-parameters"]', { visible: true });
    await this.settle();
  }

  async closeNode(): Promise<void> {
    // A focused code editor keeps Escape for itself; the panel gets it once nothing has focus.
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press('Escape');
    await this.page.waitForSelector('[data-test-id="ndv"] [data-test-id="node-parameters"]', { hidden: true });
    await this.settle(300);
  }

  /** The parameters pane of the open panel, as rendered. */
  async panelText(): Promise<string> {
    return this.page.$eval('[data-test-id="ndv"]', (el) => (el as HTMLElement).innerText);
  }

  /** The help text n8n shows when hovering the (?) beside a parameter's label, found by its text. */
  async tooltipOf(labelText: string): Promise<string> {
    const labels = await this.page.$$('[data-test-id="ndv"] label.n8n-input-label');
    let label: ElementHandle<Element> | undefined;
    for (const candidate of labels) {
      const title = await candidate.evaluate((el) => (el as HTMLElement).innerText.split('\n')[0].trim());
      if (title === labelText) label = candidate;
    }
    if (!label) throw new Error(`no parameter labelled "${labelText}" in the panel`);
    await label.hover();
    const icon = await label.$('[data-icon="circle-help"]');
    if (!icon) throw new Error(`"${labelText}" has no help icon: it has no description`);
    await icon.hover();
    const handle = await this.page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll<HTMLElement>('[data-test-id="tooltip-content"][data-state$="open"]'))
          .map((el) => el.innerText.trim())
          .filter((text) => text !== '')
          .join('\n') || undefined,
    );
    const text = (await handle.jsonValue()) as string;
    await this.page.mouse.move(0, 0);
    return text;
  }

  /** Clicks an element of the open panel by its visible text and returns the visible choices it opens. */
  async choicesAfterClicking(selector: string): Promise<string[]> {
    const target = await this.page.$(selector);
    if (!target) throw new Error(`nothing to click at ${selector}`);
    await target.click();
    await this.settle(500);
    const choices = await this.page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.el-select-dropdown__item, [role="option"], [role="menuitem"]'))
        .filter((el) => el.offsetParent !== null)
        .map((el) => el.innerText.split('\n')[0].trim())
        .filter((text) => text !== ''),
    );
    await this.page.keyboard.press('Escape');
    await this.settle(300);
    return choices;
  }

  /** The choices of a collection's "Add …" picker, the collection found by its label. */
  async collectionChoices(labelText: string): Promise<string[]> {
    const marked = await this.page.evaluate((text) => {
      const items = Array.from(document.querySelectorAll<HTMLElement>('[data-test-id="ndv"] [data-test-id="parameter-item"]'));
      const item = items.find((el) => el.querySelector<HTMLElement>('label')?.innerText.split('\n')[0].trim() === text);
      const picker = item?.querySelector('[data-test-id="collection-parameter-add"] .el-select');
      picker?.setAttribute('data-ui-check', 'picker');
      return picker !== undefined && picker !== null;
    }, labelText);
    if (!marked) throw new Error(`no collection labelled "${labelText}" with an add picker`);
    return this.choicesAfterClicking('[data-ui-check="picker"]');
  }

  /** Clicks into a JSON field, selects all and copies, as a user would; returns the clipboard. */
  async copyJsonField(parameterName: string): Promise<string> {
    const editor = await this.page.$(`[data-test-id="ndv"] [data-test-id="parameter-input-${parameterName}"] .cm-content`);
    if (!editor) throw new Error(`no JSON field "${parameterName}" in the panel`);
    await editor.click();
    await this.page.evaluate(() => navigator.clipboard.writeText(''));
    await this.page.keyboard.down('Control');
    await this.page.keyboard.press('KeyA');
    await this.page.keyboard.press('KeyC');
    await this.page.keyboard.up('Control');
    await this.settle(200);
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Clicks the panel's "Connect to …" credential button and returns the new-credential dialog's text. */
  async newCredentialDialogText(): Promise<string> {
    const button = await this.page.$('[data-test-id="ndv"] [data-test-id="node-credentials-empty-state"] button');
    if (!button) throw new Error('the panel offers no "Connect to …" credential button');
    await button.click();
    const dialog = await this.page.waitForSelector('[data-test-id="credential-edit-dialog"]', { visible: true });
    await this.settle(500);
    // The whole modal: its header names the credential type, the body holds the fields.
    return dialog!.evaluate((el) => ((el.closest('[role="dialog"], .el-dialog') ?? el) as HTMLElement).innerText);
  }

  async closeCredentialDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.waitForSelector('[data-test-id="credential-edit-dialog"]', { hidden: true });
    await this.settle(300);
  }

  async screenshot(name: string): Promise<string> {
    const file = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path: file as `${string}.png` });
    this.screenshots.push(file);
    return file;
  }

  /** Lets n8n finish rendering and loading options after a navigation or a click. */
  async settle(ms = 600): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}
