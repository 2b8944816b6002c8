/**
 * A headless Debian Chromium driven by playwright-core (never a browser Playwright downloads),
 * with a fresh profile per launch that is deleted on close.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/browser/chromium';

export interface Browser {
	page: Page;
	context: BrowserContext;
	/** Closes Chromium and deletes its profile. */
	close(): Promise<void>;
}

/** n8n's editor marks its elements with `data-test-id`. */
let testIdSet = false;

export async function openBrowser(): Promise<Browser> {
	const executablePath = await ensureChromium((msg) => process.stderr.write(`${msg}\n`));
	if (!testIdSet) {
		selectors.setTestIdAttribute('data-test-id');
		testIdSet = true;
	}
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'imocha-chromium-'));
	let context: BrowserContext;
	try {
		// A persistent context is how Playwright takes our own --user-data-dir.
		context = await chromium.launchPersistentContext(profile, {
			executablePath,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: { width: 1440, height: 900 },
			timeout: 60_000,
		});
	} catch (error) {
		fs.rmSync(profile, { recursive: true, force: true });
		throw error;
	}
	context.setDefaultTimeout(30_000);
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		page,
		context,
		async close() {
			await context.close().catch(() => undefined);
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}
