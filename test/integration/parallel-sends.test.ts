// Parallel Sends: several chats at once, never two messages to one chat at once, every chat's
// messages in input order, output in input order, together with Delay and Continue On Fail.
import { describeItemIndexes } from '../../nodes/Wonotify/engine/batch-failure';
import { runWonotifyNode } from './n8n-engine';
import { credentialsFor, SEEDED_INSTANCE, useSimulator } from './simulator-setup';

const ctx = useSimulator();
const INSTANCE = SEEDED_INSTANCE.id;

// 3 chats, 8 messages each, interleaved: chat A gets A0…A7 in that order, and so on.
const chats = ['4915112345001', '4915112345002', '4915112345003'];
const items = Array.from({ length: 24 }, (_, index) => ({
	json: { phone: chats[index % 3], text: `${'ABC'[index % 3]}${Math.floor(index / 3)}` },
}));

async function send(options: Record<string, unknown>, input = items, continueOnFail = false) {
	return await runWonotifyNode({
		parameters: {
			resource: 'message',
			operation: 'sendText',
			instanceId: INSTANCE,
			chatId: '={{ $json.phone }}',
			message: '={{ $json.text }}',
			options,
		},
		credentials: credentialsFor(ctx.sim),
		items: input,
		continueOnFail,
	});
}

const sentTexts = () =>
	ctx.sim.getInstance(INSTANCE).sent.map((message: { message: { extendedTextMessage?: { text: string } } }) => message.message.extendedTextMessage?.text);

test('different chats go out in parallel; one chat never has two in flight and keeps its order', async () => {
	// Answers overtake each other (20–60 ms), so anything unordered would show.
	ctx.sim.setLatency(20, 40);
	const result = await send({ parallelSends: 8 });
	expect(result.error).toBeUndefined();
	expect(ctx.sim.maxInFlight.overall).toBe(3);
	expect(ctx.sim.maxInFlight.perChat).toBe(1);
	for (const letter of 'ABC') {
		const texts = sentTexts().filter((text: string) => text.startsWith(letter));
		expect(texts).toEqual(Array.from({ length: 8 }, (_, n) => `${letter}${n}`));
	}
	expect(result.items.map((item) => item.json.phoneNumber)).toEqual(items.map((item) => item.json.phone));
	expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
	const sentIds = new Set(ctx.sim.getInstance(INSTANCE).sent.map((message: { key: { id: string } }) => message.key.id));
	expect(result.items.every((item) => sentIds.has(item.json.messageId as string))).toBe(true);
	expect(sentIds.size).toBe(24);
});

test('never more than the chosen number in flight', async () => {
	ctx.sim.setLatency(30);
	const distinct = Array.from({ length: 30 }, (_, index) => ({ json: { phone: `49151123450${10 + index}`, text: `m${index}` } }));
	await send({ parallelSends: 4 }, distinct);
	expect(ctx.sim.maxInFlight.overall).toBe(4);
	expect(ctx.sim.requestsTo('/send')).toHaveLength(30);
});

test('the default sends one at a time', async () => {
	ctx.sim.setLatency(10, 10);
	await send({});
	expect(ctx.sim.maxInFlight.overall).toBe(1);
	expect(sentTexts()).toEqual(items.map((item) => item.json.text));
});

test('the delay spaces every start, also in parallel', async () => {
	const distinct = Array.from({ length: 5 }, (_, index) => ({ json: { phone: `49151123450${20 + index}`, text: `d${index}` } }));
	// The gaps between arrivals depend on how busy the machine is (a late first request makes
	// a short gap), so the test checks what the delay promises: the nth start is at least n
	// delays after the run began. A slow machine only makes the arrivals later.
	const began = Date.now();
	await send({ parallelSends: 5, delaySeconds: 0.2 }, distinct);
	const arrivals = ctx.sim.requestsTo('/send').map((request: { at: number }) => request.at - began);
	expect(arrivals).toHaveLength(5);
	// A few ms of slack: timers round to the millisecond.
	arrivals.sort((a: number, b: number) => a - b).forEach((at: number, n: number) => expect(at).toBeGreaterThanOrEqual(n * 200 - 5));
});

test('with Continue On Fail, failures stay on their items in parallel', async () => {
	ctx.sim.setLatency(10, 20);
	ctx.sim.failNext('error', { count: 2, path: '/send' });
	const result = await send({ parallelSends: 8 }, items, true);
	expect(result.items).toHaveLength(24);
	const failed = result.items.filter((item) => item.json.error !== undefined);
	expect(failed).toHaveLength(2);
	expect(result.items.filter((item) => typeof item.json.messageId === 'string')).toHaveLength(22);
	expect(ctx.sim.requestsTo('/send')).toHaveLength(24);
	expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
});

test('without Continue On Fail, a failure stops new sends and reports the earliest failed item', async () => {
	ctx.sim.setLatency(20);
	ctx.sim.failNext('quota', { count: 1, path: '/send' });
	const result = await send({ parallelSends: 3 });
	const error = result.error as unknown as { message: string; context: { itemIndex: number } };
	expect(error.message).toMatch(/exceeded the maximum limit/);
	expect(error.context.itemIndex).toBe(0);
	// The first three started together; nothing started after the failure came back.
	expect(ctx.sim.requestsTo('/send').length).toBeLessThanOrEqual(3);
});

test('without Continue On Fail, the error lists what really went out, also items after the failed one', async () => {
	ctx.sim.setLatency(20);
	ctx.sim.failNext('quota', { count: 1, path: '/send' });
	const result = await send({ parallelSends: 3 });
	const error = result.error as unknown as { description: string; context: { itemIndex: number } };
	// Three started together; one failed, the two others were sent (whatever their order).
	const sentIndexes = sentTexts().map((text: string) => items.findIndex((item) => item.json.text === text));
	expect(sentIndexes).toHaveLength(2);
	expect(sentIndexes).not.toContain(error.context.itemIndex);
	expect(Math.max(...sentIndexes)).toBeGreaterThan(error.context.itemIndex);
	expect(error.description).toContain(
		`${describeItemIndexes(sentIndexes).replace(/^i/, 'I')} (2 messages) were already sent before this error stopped the node.`,
	);
});
