// Every way the gateway fails becomes an n8n error a non-programmer can act on, and the
// access token shows up nowhere: not in the error, its description or cause, not in the
// execution data, not in the console.
// Test code, never shipped: it holds fake tokens.
/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */

import { runWonotifyNode } from './n8n-engine';
import { closedPort, credentialsFor, deepText, useSimulator } from './simulator-setup';

const ctx = useSimulator();
// A token that cannot appear by chance, so finding it anywhere means a leak.
const SECRET_TOKEN = 'wt-9f3c1e7a5b2d4c6e8a0b1c2d3e4f5a6b';

let consoleOutput: string[] = [];
beforeEach(() => {
	consoleOutput = [];
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
			consoleOutput.push(deepText(args));
		});
	}
});
afterEach(() => jest.restoreAllMocks());

async function sendText(options: { timeoutSeconds?: number; baseUrl?: string; accessToken?: string; instanceId?: string } = {}) {
	const { id } = ctx.sim.addInstance({ token: SECRET_TOKEN, connected: true });
	const result = await runWonotifyNode({
		parameters: {
			resource: 'message',
			operation: 'sendText',
			instanceId: options.instanceId ?? id,
			chatId: '919876543210',
			message: 'Hello',
			options: options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {},
		},
		credentials: credentialsFor(ctx.sim, {
			accessToken: options.accessToken ?? SECRET_TOKEN,
			...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
		}),
	});
	expect(result.items).toEqual([]);
	expect(result.error).toBeDefined();
	const error = result.error as unknown as { message: string; description?: string; httpCode?: string };
	// The whole run as n8n would store it, plus the raw error object with its cause chain.
	const everything = `${JSON.stringify(result.run)}\n${deepText(result.error)}\n${consoleOutput.join('\n')}`;
	expect(everything).not.toContain(SECRET_TOKEN);
	expect(everything).not.toContain(encodeURIComponent(SECRET_TOKEN));
	return error;
}

test.each([
	['http500', /HTTP 500/, /seems to be down or busy\. Try again in a few minutes\.$/],
	['http502', /HTTP 502/, /Bad Gateway.*seems to be down or busy/],
	['nonJson', /did not answer with JSON/, /Base URL/],
	['error', /Wonotify: Cannot connect to WhatsApp server/, /Try again in a few minutes/],
	['silentFail', /did not send the message/, /no message ID/],
	['quota', /exceeded the maximum limit/, /monthly message limit/],
	['plainText', /did not answer with JSON/, /Base URL/],
	['reset', /^The connection to the Wonotify server at 127\.0\.0\.1:\d+ broke before it answered$/, /Try again/],
] as const)('%s → a readable error without the token', async (kind, message, description) => {
	ctx.sim.failNext(kind);
	const error = await sendText();
	expect(error.message).toMatch(message);
	expect(error.description ?? '').toMatch(description);
});

test('an HTML page that echoes the request URL (token in the query) is shown redacted', async () => {
	const { id } = ctx.sim.addInstance({ token: SECRET_TOKEN, connected: true });
	ctx.sim.failNext('nonJson');
	const result = await runWonotifyNode({
		parameters: { resource: 'instance', operation: 'reconnect', instanceId: id },
		credentials: credentialsFor(ctx.sim, { accessToken: SECRET_TOKEN }),
	});
	const error = result.error as unknown as { message: string; description: string };
	expect(error.message).toBe('The Wonotify server did not answer with JSON');
	// The page did show the URL with the token: it reached the description redacted.
	expect(error.description).toMatch(/^It answered: ".*An uncaught Exception.*URL: http:\/\/127\.0\.0\.1/);
	// Not even the start of the token, where the snippet is cut.
	expect(error.description).not.toContain(SECRET_TOKEN.slice(0, 6));
	expect(`${JSON.stringify(result.run)}\n${deepText(result.error)}`).not.toContain(SECRET_TOKEN);
});

test('a gateway that does not answer in time → timeout error', async () => {
	ctx.sim.failNext('hang');
	const started = Date.now();
	const error = await sendText({ timeoutSeconds: 1 });
	expect(error.message).toMatch(/^The Wonotify server at 127\.0\.0\.1:\d+ did not answer within 1 second$/);
	expect(error.description).toMatch(/raise the Timeout option/);
	// The time-out cannot fire early; how late it fires depends on the machine, not the code.
	expect(Date.now() - started).toBeGreaterThanOrEqual(990);
});

test('nothing listening at the Base URL → connection refused', async () => {
	const port = await closedPort();
	const error = await sendText({ baseUrl: `http://127.0.0.1:${port}/api` });
	expect(error.message).toBe(`Could not connect to the Wonotify server at 127.0.0.1:${port}: nothing answers at that address`);
});

test('a wrong access token → the gateway message and what to do', async () => {
	const error = await sendText({ accessToken: 'wt-wrong-token-0000' });
	expect(error.message).toBe('Wonotify: Access token does not exist');
	expect(error.description).toMatch(/Access Token in your Wonotify API credential/);
});

test('an unknown instance → the gateway message and what to do', async () => {
	const error = await sendText({ instanceId: 'AAAAAAAAAAAAA' });
	expect(error.message).toBe('Wonotify: Instance ID Invalidated');
	expect(error.description).toMatch(/no longer valid/);
});

test('a disconnected instance → rescan advice', async () => {
	const { id } = ctx.sim.addInstance({ token: SECRET_TOKEN, connected: false });
	const error = await sendText({ instanceId: id });
	expect(error.message).toBe('Wonotify: This WhatsApp account relogin required');
	expect(error.description).toMatch(/Get QR Code/);
});

test('a Base URL that is not http(s) → error before any request', async () => {
	const error = await sendText({ baseUrl: 'wonotify.com/api' });
	expect(error.message).toMatch(/Base URL .* not a valid http\(s\) address/);
	expect(ctx.sim.requests).toHaveLength(0);
});
