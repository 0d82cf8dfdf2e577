// The output schemas in nodes/Wonotify/__schema__ (what n8n shows for mapping before the
// first run) must describe what each operation really returns: same fields, same types.
// Test code, never shipped: it reads the schema files.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runWonotifyNode } from './n8n-engine';
import { credentialsFor, SEEDED_INSTANCE, SEEDED_TOKEN, useSimulator } from './simulator-setup';

const ctx = useSimulator();
const buttons = { buttonsInput: 'fields', buttons: { button: [{ type: 'quick_reply', displayText: 'Yes' }] } };
// NOT-CONNECTED: an instance whose phone has not scanned the QR code (or was logged out).
const cases: Array<[string, string, string, Record<string, unknown>]> = [
	['message', 'sendText', '', { chatId: '919876543210', message: 'x' }],
	['message', 'sendMedia', '', { chatId: '919876543210', mediaUrl: 'https://example.com/a.jpg' }],
	['message', 'sendButtons', '', { chatId: '919876543210', message: 'x', ...buttons }],
	['message', 'sendTemplate', '', { chatId: '919876543210', message: 'x', templateButtonsInput: 'fields', templateButtons: buttons.buttons }],
	['message', 'sendList', '', { chatId: '919876543210', message: 'x', buttonText: 'Menu', rowsInput: 'fields', rows: { row: [{ title: 'A' }] } }],
	['group', 'sendText', '', { groupId: '120363023285171234@g.us', message: 'x' }],
	['group', 'sendMedia', '', { groupId: '120363023285171234@g.us', mediaUrl: 'https://example.com/a.jpg' }],
	['instance', 'create', '', {}],
	['instance', 'getQrCode', '', { instanceId: 'NOT-CONNECTED', asImage: false }],
	['instance', 'reboot', '', {}],
	['instance', 'reconnect', '', {}],
	['instance', 'reconnect', ' (not connected)', { instanceId: 'NOT-CONNECTED' }],
	['instance', 'logout', '', {}],
	['instance', 'logout', ' (already logged out)', { instanceId: 'NOT-CONNECTED' }],
	['instance', 'reset', '', {}],
	['instance', 'setWebhook', '', { webhookUrl: 'https://n8n.example.com/hook', enable: true }],
	['instance', 'setWebhook', ' (events off, no URL)', { webhookUrl: '', enable: false }],
];

type Schema = { properties: Record<string, { type: string | string[] }> };
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

test.each(cases)('%s → %s%s matches its schema', async (resource, operation, _situation, parameters) => {
	const schema = JSON.parse(
		readFileSync(join(__dirname, '../../nodes/Wonotify/__schema__/v1.0.0', resource, `${operation}.json`), 'utf8'),
	) as Schema;
	const instanceId =
		parameters.instanceId === 'NOT-CONNECTED' ? ctx.sim.addInstance({ token: SEEDED_TOKEN }).id : SEEDED_INSTANCE.id;
	const result = await runWonotifyNode({
		parameters: { resource, operation, ...parameters, instanceId } as never,
		credentials: credentialsFor(ctx.sim),
	});
	expect(result.error).toBeUndefined();
	const json = result.items[0].json;
	expect(Object.keys(json).sort()).toEqual(Object.keys(schema.properties).sort());
	for (const [field, { type }] of Object.entries(schema.properties)) {
		expect([field, [type].flat()]).toEqual([field, expect.arrayContaining([typeOf(json[field])])]);
	}
});
