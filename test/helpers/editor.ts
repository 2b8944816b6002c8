/**
 * Page objects for n8n's editor (2.40.7), as a new user meets the package: sign-in, canvas, the
 * nodes panel, a node's panel (NDV) and the credential dialog. They return what the screen shows;
 * the expectations live in test/e2e/editor.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'build', 'screenshots');

/** Visible text with runs of whitespace collapsed, so assertions read like the screen. */
async function textOf(locator: Locator): Promise<string> {
	return ((await locator.innerText()) ?? '').replace(/\s+/g, ' ').trim();
}

export class Editor {
	constructor(
		readonly page: Page,
		readonly baseUrl: string,
	) {}

	async signIn(email: string, password: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page.getByTestId('emailOrLdapLoginId').locator('input').fill(email);
		await this.page.getByTestId('password').locator('input').fill(password);
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	}

	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`);
		await this.page.getByTestId('canvas-node').first().waitFor();
	}

	async screenshot(name: string, locator?: Locator): Promise<string> {
		fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
		const file = path.join(SCREENSHOT_DIR, `${name}.png`);
		if (locator) await locator.screenshot({ path: file });
		else await this.page.screenshot({ path: file });
		return file;
	}

	canvasNode(name: string): Locator {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	get nodesPanel(): NodesPanel {
		return new NodesPanel(this.page);
	}

	/** Opens a node's panel (NDV) by double-clicking it on the canvas. */
	async openNode(name: string): Promise<NodePanel> {
		await this.canvasNode(name).dblclick();
		const panel = new NodePanel(this.page);
		await panel.root.waitFor();
		return panel;
	}
}

/** The nodes panel (node creator) opened from the canvas' plus button. */
export class NodesPanel {
	constructor(readonly page: Page) {}

	get root(): Locator {
		return this.page.getByTestId('node-creator');
	}

	async open(): Promise<void> {
		await this.page.getByTestId('node-creator-plus-button').click();
		await this.root.waitFor();
	}

	/** On an empty workflow: "Add first step", which opens the panel as n8n's trigger picker. */
	async openTriggerPicker(): Promise<void> {
		await this.page.getByTestId('canvas-add-button').click();
		await this.root.waitFor();
	}

	/**
	 * A category of an app entry ("Triggers (4)", "Actions (37)"): its heading and the rows below
	 * it. n8n marks whether it is folded with `data-category-collapsed` (CategorizedItemsRenderer).
	 */
	category(name: string): NodesPanelCategory {
		// An inner locator of `has` is matched inside the outer element, so it starts from the page.
		const heading = this.page.getByTestId('node-creator-category-item').filter({ hasText: name });
		const root = this.root.locator('[data-category-collapsed]').filter({ has: heading });
		return new NodesPanelCategory(root.getByTestId('node-creator-category-item'), root);
	}

	async search(text: string): Promise<void> {
		await this.page.getByTestId('node-creator-search-bar').fill(text);
		await this.items.first().waitFor();
	}

	get items(): Locator {
		return this.root.getByTestId('item-iterator-item');
	}

	/**
	 * The text of every listed entry (title and description), read in one go: the list re-renders
	 * while the search settles, so entries must not be read one by one.
	 */
	async itemTexts(): Promise<string[]> {
		const texts = await this.items.allInnerTexts();
		return texts.map((text) => text.replace(/\s+/g, ' ').trim());
	}

	/** Opens an entry of the list (a node's actions and triggers). */
	async openItem(title: string): Promise<void> {
		await this.items.filter({ hasText: title }).first().click();
	}

	async text(): Promise<string> {
		return textOf(this.root);
	}

	async close(): Promise<void> {
		await this.page.keyboard.press('Escape');
		await this.root.waitFor({ state: 'hidden' });
	}
}

/** One category of an app entry in the nodes panel. */
export class NodesPanelCategory {
	constructor(
		readonly heading: Locator,
		readonly root: Locator,
	) {}

	async headingText(): Promise<string> {
		return textOf(this.heading);
	}

	async isFolded(): Promise<boolean> {
		return (await this.root.getAttribute('data-category-collapsed')) === 'true';
	}

	/** The action rows on screen (not the resource labels between them). */
	get rows(): Locator {
		return this.root.locator('[data-test-id="item-iterator-item"][data-keyboard-nav-type="action"]');
	}

	async rowTexts(): Promise<string[]> {
		const texts = await this.rows.allInnerTexts();
		return texts.map((text) => text.replace(/\s+/g, ' ').trim());
	}

	/**
	 * Clicks the heading to unfold it, then waits for all `count` rows: n8n adds long lists to the
	 * page a few rows per animation frame (ItemsRenderer's lazy render).
	 */
	async unfold(count: number): Promise<void> {
		await this.heading.click();
		await this.rows.nth(count - 1).waitFor();
	}
}

/** A node's panel (NDV). */
export class NodePanel {
	constructor(readonly page: Page) {}

	get root(): Locator {
		return this.page.getByTestId('ndv');
	}

	/** The parameters column, without the input and output panes. */
	get parameters(): Locator {
		return this.root.getByTestId('node-parameters');
	}

	/** Issue markers the editor shows in the panel (a node's or a parameter's). */
	get issueMarkers(): Locator {
		return this.root.locator('[data-test-id="node-issues"], [data-test-id="parameter-issues"]');
	}

	/** n8n's notice boxes among the parameters (N8nNotice, drawn in warning colours by default). */
	get notices(): Locator {
		return this.parameters.locator('.notice[role="alert"]');
	}

	async parametersText(): Promise<string> {
		return textOf(this.parameters);
	}

	/**
	 * The parameters shown on the panel itself (not those behind an "Add Field" button), as
	 * `{ name, label }` in screen order.
	 */
	async topLevelParameters(): Promise<Array<{ name: string; label: string }>> {
		return this.parameters.evaluate((root) =>
			[...root.querySelectorAll('[data-test-id="input-label"] label[for]')]
				.filter((label) => (label as unknown as { offsetParent: unknown }).offsetParent !== null)
				.map((label) => ({
					name: label.getAttribute('for') ?? '',
					label: (label.querySelector('.n8n-text')?.textContent ?? '').trim(),
				})),
		);
	}

	/** What a top-level parameter shows: its label, hint and current value (a dropdown's choice is an input's value). */
	async parameterText(name: string): Promise<string> {
		return this.parameters.evaluate((root, parameter) => {
			const label = root.querySelector(`[data-test-id="input-label"] label[for="${parameter}"]`);
			const item = label?.closest('[data-test-id="input-label"]')?.parentElement;
			if (!item) return '';
			const values = [...item.querySelectorAll('input')].map((input) => (input as unknown as { value: string }).value);
			return [item.textContent ?? '', ...values].join(' ').replace(/\s+/g, ' ').trim();
		}, name);
	}

	/** A trigger's panel text (its help and notices), with "When will this node trigger my flow?" expanded. */
	async triggerHelp(): Promise<string> {
		const expander = this.root.getByText('When will this node trigger my flow?');
		if (await expander.count()) await expander.first().click();
		return textOf(this.root);
	}

	/** Opens the credential dialog of the node's selected credential (the pencil next to it). */
	async openCredential(): Promise<CredentialDialog> {
		await this.root.getByTestId('credential-edit-button').click();
		const dialog = new CredentialDialog(this.page);
		await dialog.root.waitFor();
		return dialog;
	}

	async close(): Promise<void> {
		await this.page.keyboard.press('Escape');
		await this.root.waitFor({ state: 'hidden' });
	}
}

/** The credential dialog (edit mode). */
export class CredentialDialog {
	constructor(readonly page: Page) {}

	get root(): Locator {
		return this.page.getByTestId('editCredential-modal');
	}

	async text(): Promise<string> {
		return textOf(this.root);
	}

	/** Types into a credential field, by its property name (`apiKey`). */
	async fill(field: string, value: string): Promise<void> {
		const input = this.root.getByTestId(`parameter-input-${field}`).locator('input, textarea').first();
		await input.fill(value);
	}

	/** Saves, which makes n8n test the credential; resolves once the new test's outcome is on screen. */
	async saveAndTest(): Promise<void> {
		const tested = this.page.waitForResponse((response) => response.url().includes('/rest/credentials/test'));
		await this.root.getByTestId('credential-save-button').click();
		await tested;
		// The old outcome may still be on screen beside the new one for a moment.
		await this.root.getByText(/Connection tested successfully|Couldn.t connect with these settings/).first().waitFor();
	}

	/** The connection test's outcome, its details expanded. */
	async connectionMessage(): Promise<string> {
		const details = this.root.getByText('More details');
		if (await details.count()) await details.first().click();
		return this.text();
	}

	async close(): Promise<void> {
		await this.root.locator('.el-dialog__close').first().click();
		await this.root.waitFor({ state: 'hidden' });
	}
}
