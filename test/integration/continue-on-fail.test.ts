// Continue On Fail, item by item: every input item gives exactly one output item, in input
// order, paired with its input; failed items carry their error; nothing is sent twice.
import { runWonotifyNode } from './n8n-engine';
import { credentialsFor, SEEDED_INSTANCE, SEEDED_TOKEN, useSimulator } from './simulator-setup';

const ctx = useSimulator();

const items = [
	{ json: { phone: '+91 98765 43210', text: 'one' } },
	{ json: { phone: 'not a number', text: 'two' } },
	{ json: { phone: '+49 151 1234 5678', text: 'three' } },
	{ json: { phone: '+1 (415) 555-0100', text: 'four' } },
	{ json: { phone: '+44 7700 900123', text: 'five' } },
];
const parameters = {
	resource: 'message',
	operation: 'sendText',
	instanceId: SEEDED_INSTANCE.id,
	chatId: '={{ $json.phone }}',
	message: '={{ $json.text }}',
};

test('bad input and a gateway failure fail their own items; the others are sent once, in order', async () => {
	// The gateway fails the first send (item 0); item 1 is invalid and never sent.
	ctx.sim.failNext('error', { count: 1, path: '/send' });
	const result = await runWonotifyNode({ parameters, credentials: credentialsFor(ctx.sim), items, continueOnFail: true });
	expect(result.error).toBeUndefined();
	const output = result.items;
	expect(output).toHaveLength(5);
	expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));

	expect(output[0].json.error).toBe('Wonotify: Cannot connect to WhatsApp server. Please try again later');
	expect(output[0].json.details).toMatchObject({ phoneNumber: '919876543210' });
	expect(output[1].json.error).toMatch(/^Phone Number or Chat ID: .* \[item 1\]$/);
	// Never normalised, so no recipient to show: the error quotes what was typed.
	expect(output[1].json.details).toEqual({ description: expect.stringMatching(/country code/) });
	for (const index of [2, 3, 4]) expect(output[index].json.messageId).toEqual(expect.any(String));
	expect(output.slice(2).map((item) => item.json.phoneNumber)).toEqual(['4915112345678', '14155550100', '447700900123']);

	// 4 requests: items 0, 2, 3, 4 (item 1 was invalid); 3 messages really sent, each once.
	const sends = ctx.sim.requestsTo('/send');
	expect(sends.map((request) => (request.body as { message: string }).message)).toEqual(['one', 'three', 'four', 'five']);
	const sent = ctx.sim.getInstance(SEEDED_INSTANCE.id).sent;
	expect(sent.map((message: { key: { id: string } }) => message.key.id)).toEqual(output.slice(2).map((item) => item.json.messageId));
});

test('without Continue On Fail, the first bad item stops the node before anything is sent', async () => {
	const result = await runWonotifyNode({ parameters, credentials: credentialsFor(ctx.sim), items });
	expect((result.error as unknown as { message: string }).message).toMatch(/\[item 1\]$/);
	expect(ctx.sim.requests).toHaveLength(0);
	expect(result.items).toEqual([]);
});

test('without Continue On Fail, a gateway failure stops at its item and reports it', async () => {
	const valid = items.filter((_, index) => index !== 1);
	ctx.sim.failNext('quota', { count: 1, path: '/send' });
	ctx.sim.clearRequests();
	const result = await runWonotifyNode({ parameters, credentials: credentialsFor(ctx.sim), items: valid });
	const error = result.error as unknown as { message: string; context: { itemIndex: number } };
	expect(error.message).toMatch(/exceeded the maximum limit/);
	expect(error.context.itemIndex).toBe(0);
	// Stopped at the failing item: nothing after it was sent.
	expect(ctx.sim.requestsTo('/send')).toHaveLength(1);
});

test('failed items say who they were for: the number or group as sent, in details next to the error', async () => {
	ctx.sim.failNext('error', { count: 1, path: '/send' });
	ctx.sim.failNext('silentFail', { count: 1, path: '/send_group' });
	const result = await runWonotifyNode({
		parameters,
		credentials: credentialsFor(ctx.sim),
		items: [{ json: { phone: '+91 98765-43210', text: 'a' } }, { json: { phone: '120363023285171234@g.us', text: 'b' } }],
		continueOnFail: true,
	});
	expect(result.items.map((item) => item.json)).toEqual([
		{
			error: 'Wonotify: Cannot connect to WhatsApp server. Please try again later',
			details: {
				description: 'WhatsApp or Wonotify is having trouble. Try again in a few minutes.',
				chatId: '919876543210@s.whatsapp.net',
				phoneNumber: '919876543210',
			},
		},
		{
			error: 'Wonotify did not send the message',
			details: {
				description: expect.stringMatching(/no message ID/),
				chatId: '120363023285171234@g.us',
				groupId: '120363023285171234@g.us',
			},
		},
	]);
	expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
});

// The same on n8n 1.x and 2.x: n8n 1.x routes an item to the error output only when its JSON
// is `{ error }` or `{ error, message }` (n8n-core 1.x handleNodeErrorOutput).
test('with "Continue (using error output)", failed items go to the error output, saying what to do and for whom', async () => {
	ctx.sim.failNext('quota', { count: 1, path: '/send' });
	ctx.sim.failNext('error', { count: 1, path: '/send_group' });
	const input = [...items.filter((_, index) => index !== 1), { json: { phone: '120363023285171234@g.us', text: 'team' } }];
	const result = await runWonotifyNode({ parameters, credentials: credentialsFor(ctx.sim), items: input, errorOutput: true });
	expect(result.error).toBeUndefined();
	const { items: success, errorItems: failed } = result;
	expect(success.map((item) => item.json.phoneNumber)).toEqual(['4915112345678', '14155550100', '447700900123']);
	expect(failed.map((item) => item.json)).toEqual([
		{
			error: expect.stringMatching(/exceeded the maximum limit/),
			message: expect.stringMatching(/monthly message limit[^]*\n\nChat ID: 919876543210@s\.whatsapp\.net$/),
		},
		{
			error: 'Wonotify: Cannot connect to WhatsApp server. Please try again later',
			message: 'WhatsApp or Wonotify is having trouble. Try again in a few minutes.\n\nChat ID: 120363023285171234@g.us',
		},
	]);
	expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 4 }]);
});

test('with "Continue (using error output)", an item refused before sending goes to the error output too', async () => {
	const result = await runWonotifyNode({ parameters, credentials: credentialsFor(ctx.sim), items: items.slice(0, 2), errorOutput: true });
	expect(result.items.map((item) => item.json.phoneNumber)).toEqual(['919876543210']);
	expect(result.errorItems.map((item) => item.json)).toEqual([
		{ error: expect.stringMatching(/^Phone Number or Chat ID: .* \[item 1\]$/), message: expect.stringMatching(/country code/) },
	]);
});

describe('without Continue On Fail, a failure after some items went through', () => {
	const batch = items.filter((_, index) => index !== 1);

	test('says which items were already sent, that running again sends them again, and how to go on', async () => {
		// Items 0 and 1 go through; the gateway fails item 2.
		ctx.sim.setQuota(2);
		const result = await runWonotifyNode({ parameters, credentials: credentialsFor(ctx.sim), items: batch });
		const error = result.error as unknown as { message: string; description: string; context: { itemIndex: number } };
		expect(error.message).toMatch(/exceeded the maximum limit/);
		expect(error.context.itemIndex).toBe(2);
		expect(ctx.sim.getInstance(SEEDED_INSTANCE.id).sent).toHaveLength(2);
		// The advice about the error itself comes first, then the note.
		expect(error.description).toMatch(/^Your Wonotify plan's monthly message limit is reached/);
		expect(error.description).toContain(
			'Items 0 and 1 (2 messages) were already sent before this error stopped the node. Running the workflow again, or retrying this execution, sends them again.',
		);
		expect(error.description).toContain('Settings → On Error');
		expect(error.description).toContain('"Continue (using error output)" or "Continue"');
	});

	test('says nothing of the kind when nothing was sent before', async () => {
		ctx.sim.setQuota(0);
		const result = await runWonotifyNode({ parameters, credentials: credentialsFor(ctx.sim), items: batch });
		const error = result.error as unknown as { description: string };
		expect(error.description).not.toMatch(/already sent|On Error/);
	});

	test('instance operations say "done", not "sent"', async () => {
		const { id } = ctx.sim.addInstance({ token: SEEDED_TOKEN, connected: true });
		const result = await runWonotifyNode({
			parameters: { resource: 'instance', operation: 'reboot', instanceId: `={{ $json.instance }}` },
			credentials: credentialsFor(ctx.sim),
			items: [{ json: { instance: SEEDED_INSTANCE.id } }, { json: { instance: id } }, { json: { instance: 'AAAAAAAAAAAAA' } }],
		});
		const error = result.error as unknown as { message: string; description: string };
		expect(error.message).toBe('Wonotify: Instance ID Invalidated');
		expect(error.description).toContain('Items 0 and 1 (2 actions) were already done before this error stopped the node.');
		expect(error.description).toContain('does them again');
	});
});
