// Message → Send and Wait for Response, the answer: each way of answering through the node's
// webhook, run by n8n-core's WebhookContext behind a real HTTP server (waiting-webhook-host.ts):
// the page the person sees and the items the execution resumes with.
import type { IDataObject } from 'n8n-workflow';

import { startWaitingWebhookHost, type WaitingWebhookHost } from './waiting-webhook-host';

const PHONE_BROWSER = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

const question = (extra: IDataObject = {}): IDataObject => ({
	resource: 'message',
	operation: 'sendAndWait',
	chatId: '919876543210',
	message: 'Refund order #1042 (₹2,400)?',
	responseType: 'approval',
	...extra,
});

let host: WaitingWebhookHost;
beforeAll(async () => {
	host = await startWaitingWebhookHost({});
});
afterAll(async () => {
	await host.close();
});
beforeEach(() => {
	host.resumed.length = 0;
});

const link = (query = '') => `${host.url}/webhook-waiting/execution-1/node-1?signature=checked-by-n8n${query}`;

async function open(query = '', userAgent = PHONE_BROWSER) {
	const response = await fetch(link(query), { headers: { 'user-agent': userAgent } });
	return { status: response.status, html: await response.text() };
}

/** Posts a page's form: urlencoded as the Free Text page does, multipart as the Custom Form does. */
async function submit(fields: Record<string, string>, encoding: 'urlencoded' | 'multipart') {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	const body = encoding === 'multipart' ? form : new URLSearchParams(fields);
	const response = await fetch(link(), { method: 'POST', headers: { 'user-agent': PHONE_BROWSER }, body });
	return { status: response.status, html: await response.text() };
}

/** The one answer the execution resumed with, without its time (checked to be now). */
function answer(): IDataObject {
	expect(host.resumed).toHaveLength(1);
	expect(host.resumed[0]).toHaveLength(1);
	const { data } = host.resumed[0][0].json as { data: IDataObject };
	expect(Math.abs(Date.parse(data.respondedAt as string) - Date.now())).toBeLessThan(60_000);
	const rest = { ...data };
	delete rest.respondedAt;
	return rest;
}

describe('Approval', () => {
	test('a tap on Approve resumes with approved: true and tells the person', async () => {
		host.parameters = question({ approvalOptions: { values: { approvalType: 'double' } } });
		const page = await open('&approved=true');
		expect(page.status).toBe(200);
		expect(page.html).toContain('Your answer was recorded: <strong>approved</strong>');
		expect(page.html).toContain('name="viewport"');
		expect(answer()).toEqual({ approved: true });
	});

	test('a tap on Disapprove resumes with approved: false', async () => {
		host.parameters = question({ approvalOptions: { values: { approvalType: 'double' } } });
		expect((await open('&approved=false')).html).toContain('Your answer was recorded: <strong>disapproved</strong>');
		expect(answer()).toEqual({ approved: false });
	});

	test.each([
		['WhatsApp’s link preview', 'WhatsApp/2.24.6.77 A'],
		['Facebook’s crawler', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
		['Telegram’s preview', 'TelegramBot (like TwitterBot)'],
		['Slack’s unfurler', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
	])('%s does not count as an answer; the person’s tap after it does', async (_robot, userAgent) => {
		host.parameters = question();
		const preview = await open('&approved=true', userAgent);
		expect(preview.status).toBe(200);
		expect(preview.html).toContain('Open this link on your phone to answer.');
		expect(host.resumed).toHaveLength(0);
		await open('&approved=true');
		expect(answer()).toEqual({ approved: true });
	});
});

describe('Free Text', () => {
	test('the page asks with a text box; a blank answer is asked again, a typed one resumes', async () => {
		host.parameters = question({ responseType: 'freeText', message: 'When can we deliver?\nWe are in town on Friday.' });
		const page = await open();
		expect(page.html).toContain('<h1>When can we deliver?</h1>');
		expect(page.html).toContain('We are in town on Friday.');
		expect(page.html).toContain('<form method="post"><label for="text">Your answer</label><textarea id="text" name="text" required>');
		expect(host.resumed).toHaveLength(0);

		const blank = await submit({ text: '   ' }, 'urlencoded');
		expect(blank.html).toContain('<textarea id="text"');
		expect(host.resumed).toHaveLength(0);

		const sent = await submit({ text: '  Tomorrow at 2 pm — ring twice ' }, 'urlencoded');
		expect(sent.html).toContain('Your answer was recorded: <strong>Tomorrow at 2 pm — ring twice</strong>');
		expect(answer()).toEqual({ text: 'Tomorrow at 2 pm — ring twice' });
	});

	test('Page Title names the page instead of the question’s first line', async () => {
		host.parameters = question({ responseType: 'freeText', options: { pageTitle: 'Delivery' } });
		expect((await open()).html).toContain('<title>Delivery</title>');
	});

	test('what the workflow put into the page is shown as text, never as HTML', async () => {
		host.parameters = question({ responseType: 'freeText', message: '<script>alert(1)</script> & "quotes"', options: { pageTitle: '<b>Title</b>' } });
		const { html } = await open();
		expect(html).not.toContain('<script>');
		expect(html).not.toContain('<b>Title</b>');
		expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;quotes&#34;');
	});
});

describe('Custom Form', () => {
	const fields = [
		{ fieldLabel: 'Name', fieldType: 'text', requiredField: true },
		{ fieldLabel: 'Guests', fieldType: 'number' },
		{ fieldLabel: 'Email', fieldType: 'email' },
		{ fieldLabel: 'Day', fieldType: 'date' },
		{ fieldLabel: 'Table', fieldType: 'dropdown', choices: 'Inside, Terrace' },
		{ fieldLabel: 'Notes', fieldType: 'textarea' },
	];

	test('the page has the fields, posting as multipart; the answers come back by label', async () => {
		host.parameters = question({ responseType: 'customForm', defineForm: 'fields', formFields: { values: fields } });
		const { html } = await open();
		expect(html).toContain('<form method="post" enctype="multipart/form-data">');
		for (const input of [
			'<label for="field-0">Name *</label><input id="field-0" name="field-0" type="text" required>',
			'<input id="field-1" name="field-1" type="number">',
			'<input id="field-2" name="field-2" type="email">',
			'<input id="field-3" name="field-3" type="date">',
			'<select id="field-4" name="field-4"><option value=""></option><option>Inside</option><option>Terrace</option></select>',
			'<textarea id="field-5" name="field-5"></textarea>',
		]) {
			expect(html).toContain(input);
		}
		await submit({ 'field-0': 'Ravi', 'field-1': '4', 'field-2': 'ravi@example.com', 'field-3': '2030-02-14', 'field-4': 'Terrace', 'field-5': '' }, 'multipart');
		// A number is a number; an optional field left empty is left out.
		expect(answer()).toEqual({ Name: 'Ravi', Guests: 4, Email: 'ravi@example.com', Day: '2030-02-14', Table: 'Terrace' });
	});

	test('defined in JSON; a field labelled respondedAt cannot replace the time of the answer', async () => {
		host.parameters = question({ responseType: 'customForm', defineForm: 'json', jsonOutput: '[{"fieldLabel":"respondedAt"},{"fieldLabel":"Notes","fieldType":"textarea"}]' });
		await submit({ 'field-0': 'yesterday', 'field-1': 'none' }, 'multipart');
		expect(answer()).toEqual({ Notes: 'none' });
	});
});
