// Message → Send and Wait for Response in n8n's engine, up to the wait: the question that goes
// out through the simulator (with n8n's signed answer links), the execution left waiting and
// until when, and the mistakes that must fail the node before anything is sent.
import type { IDataObject } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { runWonotifyNode } from './n8n-engine';
import { linksByLabel, linksIn, signedByN8n } from './resume-links';
import { credentialsFor, SEEDED_INSTANCE, SEEDED_TOKEN, useSimulator } from './simulator-setup';

const ctx = useSimulator();
const GROUP = '120363041234567890@g.us';

const question = (extra: IDataObject = {}): IDataObject => ({
	resource: 'message',
	operation: 'sendAndWait',
	instanceId: SEEDED_INSTANCE.id,
	chatId: '+91 98765-43210',
	message: 'Refund order #1042 (₹2,400)?',
	responseType: 'approval',
	...extra,
});

async function send(parameters: IDataObject, options: { items?: Array<{ json: IDataObject }>; continueOnFail?: boolean } = {}) {
	return await runWonotifyNode({ parameters, credentials: credentialsFor(ctx.sim), ...options });
}

const sentTexts = () => ctx.sim.requestsTo('/send').map((request) => (request.body as { message: string }).message);

describe('the question', () => {
	test('an approval: the question, then the Approve link to this execution; it waits without a time limit', async () => {
		const { run, error, items } = await send(question(), { items: [{ json: { order: 1042 } }] });
		expect(error).toBeUndefined();
		expect(run.status).toBe('waiting');
		expect(run.waitTill).toEqual(WAIT_INDEFINITELY);
		// Its input items, which n8n passes on if the wait limit runs out without an answer.
		expect(items.map((item) => item.json)).toEqual([{ order: 1042 }]);
		expect(ctx.sim.requestsTo('/send')[0].body).toMatchObject({ number: '919876543210', type: 'text' });
		const [text] = sentTexts();
		expect(text).toMatch(/^Refund order #1042 \(₹2,400\)\?\n\nApprove: http\S+$/);
		const [link] = linksIn(text);
		expect(`${link.origin}${link.pathname}`).toBe('http://127.0.0.1:5678/webhook-waiting/execution-1/node-1');
		expect(link.searchParams.get('approved')).toBe('true');
		expect(signedByN8n(link)).toBe(true);
		expect(text).not.toContain(SEEDED_TOKEN);
	});

	test('Approve and Disapprove with labels: one signed link each; neither can be turned into the other', async () => {
		await send(question({ approvalOptions: { values: { approvalType: 'double', approveLabel: 'Yes, refund', disapproveLabel: 'No' } } }));
		const [text] = sentTexts();
		expect(text).toMatch(/\n\nYes, refund: http\S+\nNo: http\S+$/);
		const { 'Yes, refund': yes, No: no } = linksByLabel(text);
		expect([yes.searchParams.get('approved'), no.searchParams.get('approved')]).toEqual(['true', 'false']);
		expect([signedByN8n(yes), signedByN8n(no)]).toEqual([true, true]);
		const forged = new URL(no);
		forged.searchParams.set('approved', 'true');
		expect(signedByN8n(forged)).toBe(false);
	});

	test('a link signed for this execution is refused for another execution or node', async () => {
		await send(question());
		const [link] = linksIn(sentTexts()[0]);
		for (const path of ['/webhook-waiting/execution-2/node-1', '/webhook-waiting/execution-1/node-2']) {
			const elsewhere = new URL(link);
			elsewhere.pathname = path;
			expect(signedByN8n(elsewhere)).toBe(false);
		}
	});

	test('Free Text and Custom Form: one link to the answer page, named by Response Link Label', async () => {
		await send(question({ responseType: 'freeText', options: { messageButtonLabel: 'Reply here' } }));
		await send(question({ responseType: 'customForm', defineForm: 'json', jsonOutput: '[{"fieldLabel":"Notes"}]' }));
		const [freeText, form] = sentTexts();
		expect(freeText).toMatch(/^Refund order #1042 \(₹2,400\)\?\n\nReply here: http\S+$/);
		expect(form).toMatch(/\n\nRespond: http\S+$/);
		expect(signedByN8n(linksIn(form)[0])).toBe(true);
	});

	test('a group chat ID gets the question and links through send_group', async () => {
		await send(question({ chatId: GROUP }));
		const [request] = ctx.sim.requestsTo('/send_group');
		expect(request.query.group_id).toBe(GROUP);
		expect((request.body as { message: string }).message).toMatch(/\n\nApprove: http/);
	});

	test('URL Buttons: cta_url buttons, with the links in the text as well', async () => {
		await send(question({ options: { linkStyle: 'buttons' }, approvalOptions: { values: { approvalType: 'double' } } }));
		const [request] = ctx.sim.requestsTo('/send_template');
		const body = request.body as { type: string; number: string; message: { text: string; interactiveButtons: Array<{ name: string; buttonParamsJson: string }> } };
		expect(body).toMatchObject({ type: 'interactive', number: '919876543210' });
		const buttons = body.message.interactiveButtons.map((button) => ({ name: button.name, ...(JSON.parse(button.buttonParamsJson) as { display_text: string; url: string }) }));
		expect(buttons.map((button) => [button.name, button.display_text])).toEqual([
			['cta_url', 'Approve'],
			['cta_url', 'Disapprove'],
		]);
		expect(new URL(buttons[1].url).searchParams.get('approved')).toBe('false');
		expect(signedByN8n(new URL(buttons[1].url))).toBe(true);
		expect(linksByLabel(body.message.text).Disapprove.href).toBe(buttons[1].url);
	});

	test('URL Buttons to a group: plain links in the text (groups get no buttons)', async () => {
		await send(question({ chatId: GROUP, options: { linkStyle: 'buttons' } }));
		expect(ctx.sim.requestsTo('/send_template')).toHaveLength(0);
		expect((ctx.sim.requestsTo('/send_group')[0].body as { message: string }).message).toMatch(/\n\nApprove: http/);
	});

	test('one message, for the first item, however many items come in', async () => {
		const items = [{ json: { question: 'First?' } }, { json: { question: 'Second?' } }];
		const { run } = await send(question({ message: '={{ $json.question }}' }), { items });
		expect(sentTexts()).toHaveLength(1);
		expect(sentTexts()[0]).toMatch(/^First\?\n\n/);
		expect(run.status).toBe('waiting');
	});
});

describe('Limit Wait Time', () => {
	test('after an interval: the execution waits until it ends', async () => {
		const before = Date.now();
		const { run } = await send(question({ options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'minutes' } } } }));
		expect(run.status).toBe('waiting');
		expect(run.waitTill!.getTime()).toBeGreaterThanOrEqual(before + 120_000);
		expect(run.waitTill!.getTime()).toBeLessThanOrEqual(Date.now() + 120_000);
	});

	test('at a specified time: the execution waits until then', async () => {
		const at = new Date(Date.now() + 86_400_000).toISOString();
		const { run } = await send(question({ options: { limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: at } } } }));
		expect(run.waitTill!.toISOString()).toBe(at);
	});
});

describe('mistakes fail the node before anything is sent', () => {
	const form = (jsonOutput: string) => ({ responseType: 'customForm', defineForm: 'json', jsonOutput });
	test.each([
		['an empty chat', { chatId: '   ' }, /^Phone Number or Chat ID: is empty \[item 0\]$/],
		['a blank message', { message: '  ' }, /^Message: is empty \[item 0\]$/],
		['a date that is not one', { options: { limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: 'next friday' } } } }, /^Limit Wait Time → Max Date and Time: "next friday" is not a date/],
		['a negative wait', { options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: -1, resumeUnit: 'hours' } } } }, /^Limit Wait Time → Amount: "-1" is not a number of hours/],
		['a form without fields', { responseType: 'customForm', defineForm: 'fields', formFields: { values: [] } }, /^Form Fields: has no fields; add at least one/],
		['a form in broken JSON', form('[{"fieldLabel": }]'), /^Form Fields \(JSON\): /],
		['a dropdown without choices', form('[{"fieldLabel":"Size","fieldType":"dropdown"}]'), /^Form Fields \(JSON\) → field 1: "Size" is a dropdown list without choices/],
		['two fields with one label', form('[{"fieldLabel":"Name"},{"fieldLabel":"Name"}]'), /^Form Fields \(JSON\): "Name" is used twice/],
	])('%s: a clear error, nothing sent, nothing waiting', async (_case, extra, message) => {
		const { error, run } = await send(question(extra));
		expect(error?.message).toMatch(message);
		expect(ctx.sim.requests).toHaveLength(0);
		expect(run.waitTill).toBeUndefined();
	});

	test('a failed send does not wait; with Continue On Fail it gives one error item naming the recipient', async () => {
		ctx.sim.failNext('quota', { count: 1, path: '/send' });
		const failed = await send(question());
		expect(failed.error?.message).toMatch(/exceeded the maximum limit/);
		expect(failed.run.waitTill).toBeUndefined();

		ctx.sim.failNext('quota', { count: 1, path: '/send' });
		const continued = await send(question(), { continueOnFail: true, items: [{ json: { a: 1 } }, { json: { a: 2 } }] });
		expect(continued.run.waitTill).toBeUndefined();
		expect(continued.items).toHaveLength(1);
		expect(continued.items[0].json).toMatchObject({ error: expect.stringMatching(/exceeded the maximum limit/), details: { phoneNumber: '919876543210' } });
		expect(continued.items[0].pairedItem).toEqual({ item: 0 });
		expect(JSON.stringify(continued.run)).not.toContain(SEEDED_TOKEN);
	});
});
