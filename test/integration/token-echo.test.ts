// A gateway that echoes the access token back, in every encoding (PHP's `\/`, \uXXXX, URL
// encoding once and twice, HTML entities named, decimal and hex, base64), in success and in
// error answers: the token shows up in no output, error or log line, for a send, an instance
// operation, the credential test and the trigger's registration.
import { CredentialTestContext } from 'n8n-core';

import { Wonotify } from '../../nodes/Wonotify/Wonotify.node';
import { tokenForms } from '../../scripts/lib/simulator/token-echo';
import { runWonotifyNode, testAdditionalData } from './n8n-engine';
import { credentialsFor, deepText, useSimulator } from './simulator-setup';
import { startTriggerHost } from './trigger-engine';

const ctx = useSimulator();
// Every character that an encoding changes, and non-ASCII.
const TOKENS = ['wt/9f+3c=1e&7a<5b>2d"q', 'tök€n/+=&<>😀-x9Z-long'];
const ECHOES = ['echoToken', 'echoTokenError', 'echoTokenPage'] as const;

let consoleOutput: string[] = [];
beforeEach(() => {
	consoleOutput = [];
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleOutput.push(deepText(args)));
	}
});
afterEach(() => jest.restoreAllMocks());

/** Fails when any written form of the token is in `text` (base64: the part only the token makes). */
function expectNoToken(text: string, token: string) {
	for (const [name, form] of Object.entries(tokenForms(token))) {
		const telling = name.startsWith('base64') ? form.slice(12, -4) : form;
		if (text.includes(telling)) throw new Error(`the token leaked in its ${name} form: ${telling}`);
	}
}

describe.each(TOKENS)('token %s', (token) => {
	const setUp = () => ctx.sim.addInstance({ token, connected: true }).id;

	test.each(ECHOES)('Send Text, gateway answers %s', async (echo) => {
		const id = setUp();
		ctx.sim.failNext(echo, { path: 'send' });
		const result = await runWonotifyNode({
			parameters: { resource: 'message', operation: 'sendText', instanceId: id, chatId: '919876543210', message: 'Hi', options: {} },
			credentials: credentialsFor(ctx.sim, { accessToken: token }),
		});
		// The success answer is kept in the output; the error answers fail the node.
		if (echo === 'echoToken') expect(result.items[0].json.messageId).toEqual(expect.any(String));
		else expect(result.error).toBeDefined();
		expectNoToken(`${JSON.stringify(result.run)}\n${deepText(result.error)}\n${consoleOutput.join('\n')}`, token);
	});

	test.each(ECHOES)('Instance → Reconnect, gateway answers %s', async (echo) => {
		const id = setUp();
		ctx.sim.failNext(echo, { path: 'reconnect' });
		const result = await runWonotifyNode({
			parameters: { resource: 'instance', operation: 'reconnect', instanceId: id, options: {} },
			credentials: credentialsFor(ctx.sim, { accessToken: token }),
		});
		if (echo === 'echoToken') {
			expect(result.items).toHaveLength(1);
			// The echoed field named like a token is gone from the output, not just masked.
			expect(JSON.stringify(result.items[0].json)).not.toContain('access_token');
		} else {
			expect(result.error).toBeDefined();
		}
		expectNoToken(`${JSON.stringify(result.run)}\n${deepText(result.error)}\n${consoleOutput.join('\n')}`, token);
	});

	test.each(ECHOES)('the credential test, gateway answers %s', async (echo) => {
		setUp();
		ctx.sim.failNext(echo, { path: 'get_qrcode' });
		const data = credentialsFor(ctx.sim, { accessToken: token });
		const result = await new Wonotify().methods.credentialTest.wonotifyApiTest.call(
			new CredentialTestContext(testAdditionalData(data)),
			{ id: 'cred-1', name: 'probe', type: 'wonotifyApi', data },
		);
		// The JSON error quotes the gateway's words: they reach the message, masked.
		if (echo === 'echoTokenError') expect(result.message).toContain('***');
		expectNoToken(`${JSON.stringify(result)}\n${consoleOutput.join('\n')}`, token);
	});

	test.each(ECHOES)("the trigger's registration, gateway answers %s", async (echo) => {
		const id = setUp();
		const host = await startTriggerHost({
			parameters: { instanceId: id, events: ['messageReceived'], simplify: true, options: {} },
			credentials: credentialsFor(ctx.sim, { accessToken: token }),
		});
		try {
			ctx.sim.failNext(echo, { path: 'set_webhook' });
			const outcome = await host.hook('create').then(
				() => undefined,
				(error: unknown) => error,
			);
			if (echo === 'echoToken') expect(outcome).toBeUndefined();
			else expect(outcome).toBeDefined();
			expectNoToken(`${deepText(outcome)}\n${JSON.stringify(host.staticData)}\n${host.logs.join('\n')}\n${consoleOutput.join('\n')}`, token);
		} finally {
			await host.close();
		}
	});
});
