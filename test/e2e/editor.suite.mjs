// The n8n editor in headless Chromium (Debian's, driven by playwright-core): log in, search
// the nodes panel for "Wonotify", see the trigger and the actions, open the action node and
// see its Resource and Operation pickers, draw the AI assistant example. Screenshots go to
// test-results/ (the README's pictures are copies of them).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it, before, after } from 'node:test';

import { chromium } from 'playwright-core';

import { packageRoot, withCredentialOfType, withWonotifyCredential } from '../../scripts/lib/n8n-server.mjs';
import { CHROMIUM } from '../../scripts/lib/system-tools.mjs';
import { OWNER } from './e2e-stack.mjs';

const require = createRequire(import.meta.url);

// Without the background-networking flags Chromium keeps dialling Google, which this
// machine's closed network refuses.
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const SHOTS = 'test-results';

/** How many actions the editor lists for the action node: one per operation of every resource. */
function actionCount() {
	const { Wonotify } = require('../../dist/nodes/Wonotify/Wonotify.node.js');
	return new Wonotify().description.properties.filter((p) => p.name === 'operation').flatMap((p) => p.options).length;
}

export function editorSuite(getStack) {
	describe('the editor in a browser', () => {
		let browser;
		let page;

		before(async () => {
			assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does, or set CHROMIUM_PATH to a Chromium`);
			mkdirSync(SHOTS, { recursive: true });
			browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
			page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
			// Generous: a busy 2-core machine takes long to render the first canvas; each wait still ends at its state.
			page.setDefaultTimeout(60_000);
		});
		after(async () => {
			await browser?.close();
		});

		/** A step; when it fails, the page as it was goes to test-results/editor-failure-<n>.png. */
		const step = (name, body) =>
			it(name, async () => {
				try {
					await body();
				} catch (error) {
					await page?.screenshot({ path: `${SHOTS}/editor-failure-${name.replace(/\W+/g, '-')}.png` }).catch(() => {});
					throw error;
				}
			});

		step('signs in', async () => {
			const { url } = getStack().n8n;
			await page.goto(`${url}/signin`);
			await page.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email);
			await page.locator('input[type="password"]').fill(OWNER.password);
			await page.keyboard.press('Enter');
			await page.waitForURL((target) => !target.pathname.startsWith('/signin'));
		});

		step('finds the Wonotify trigger and actions in the nodes panel', async () => {
			await page.goto(`${getStack().n8n.url}/workflow/new`);
			// The canvas's "Add first step" button opens the nodes panel.
			await page.locator('[data-test-id="canvas-add-button"]').click();
			const search = page.locator('[data-test-id="node-creator-search-bar"]');
			const entry = page.locator('[data-test-id="item-iterator-item"]').filter({ hasText: 'Wonotify' });
			// Users search for WhatsApp: the codex aliases must bring our nodes up.
			await search.fill('WhatsApp');
			await entry.first().waitFor();
			await search.fill('Wonotify');
			await entry.first().waitFor();
			await page.keyboard.press('Enter');
			// n8n shows a package's trigger and action node together, as triggers and actions.
			await page.getByText('Triggers (7)').waitFor();
			await page.getByText(`Actions (${actionCount()})`).click();
			await page.getByText('Send a text message', { exact: true }).waitFor();
			await page.getByText('On message received').waitFor();
			await page.screenshot({ path: `${SHOTS}/editor-nodes-panel.png` });
		});

		step('opens the action node with its Resource and Operation pickers', async () => {
			await page.getByText('Send a text message', { exact: true }).click();
			const panel = page.locator('[data-test-id="ndv"]');
			await panel.getByText('Resource', { exact: true }).waitFor();
			await panel.getByText('Operation', { exact: true }).waitFor();
			await panel.getByText('Phone Number or Chat ID').waitFor();
			await page.screenshot({ path: `${SHOTS}/editor-action-node.png` });
		});

		step('shows Send and Wait for Response with its response types', async () => {
			await page.goto(`${getStack().n8n.url}/workflow/new`);
			await page.locator('[data-test-id="canvas-add-button"]').click();
			await page.locator('[data-test-id="node-creator-search-bar"]').fill('Wonotify');
			await page.keyboard.press('Enter');
			await page.getByText(`Actions (${actionCount()})`).click();
			await page.getByText('Send message and wait for response', { exact: true }).click();
			const panel = page.locator('[data-test-id="ndv"]');
			await panel.getByText('Response Type', { exact: true }).waitFor();
			await panel.getByText('Approval Options', { exact: true }).waitFor();
			await page.screenshot({ path: `${SHOTS}/editor-send-and-wait.png` });
		});

		step('shows the AI assistant example on the canvas (the README picture)', async () => {
			const { client, credential, n8n } = getStack();
			const example = JSON.parse(readFileSync(join(packageRoot, 'examples', 'ai-assistant.json'), 'utf8'));
			const openAi = await client.createCredential({ name: 'OpenAI (picture)', type: 'openAiApi', data: { apiKey: 'not-used', url: 'http://127.0.0.1:9/v1' } });
			const { id } = await client.createWorkflow(withCredentialOfType(withWonotifyCredential(example, credential), 'openAiApi', openAi));
			await page.setViewportSize({ width: 1600, height: 800 });
			await page.goto(`${n8n.url}/workflow/${id}`);
			const canvas = page.locator('[data-test-id="canvas"]');
			for (const { name } of example.nodes) {
				await canvas.getByText(name, { exact: true }).first().waitFor();
			}
			await page.screenshot({ path: `${SHOTS}/editor-ai-assistant.png` });
		});
	});
}
