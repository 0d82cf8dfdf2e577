// Continue On Fail, item by item: every input item gives exactly one output item, in input
// order, paired with its input; failed items carry their error; nothing is sent twice.
import { runWonotifyNode } from './n8n-engine';
import { credentialsFor, SEEDED_INSTANCE, useSimulator } from './simulator-setup';

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
	expect(output[1].json.error).toMatch(/^Phone Number or Chat ID: .* \[item 1\]$/);
	expect(output[1].json.errorDescription).toMatch(/country code/);
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
