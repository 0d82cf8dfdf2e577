// The credential's Test button, run the way n8n runs it (n8n-core's CredentialTestContext and
// its request helper) against the simulator: a right token passes, a wrong token and a wrong
// Base URL are told apart and named, nothing on the account changes, the token shows nowhere.
// Test code, never shipped: it holds fake tokens.
/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets */

import type { ICredentialDataDecryptedObject, ICredentialType, INodeCredentialTestResult } from 'n8n-workflow';
import { CredentialTestContext } from 'n8n-core';

import { WonotifyApi } from '../../credentials/WonotifyApi.credentials';
import { Wonotify } from '../../nodes/Wonotify/Wonotify.node';
import { testAdditionalData } from './n8n-engine';
import { closedPort, credentialsFor, SEEDED_TOKEN, useSimulator } from './simulator-setup';

const ctx = useSimulator();
const SECRET_TOKEN = 'wt-5d2b8e1f9a3c4d6e8f0a1b2c3d4e5f6a';

async function testCredential(overrides: Record<string, string> = {}): Promise<INodeCredentialTestResult> {
	const data: ICredentialDataDecryptedObject = credentialsFor(ctx.sim, overrides);
	const wonotifyApiTest = new Wonotify().methods.credentialTest.wonotifyApiTest;
	const result = await wonotifyApiTest.call(new CredentialTestContext(testAdditionalData(data)), {
		id: 'cred-1',
		name: 'probe',
		type: 'wonotifyApi',
		data,
	});
	for (const token of [SECRET_TOKEN, SEEDED_TOKEN]) expect(result.message).not.toContain(token);
	return result;
}

test('n8n runs this test: the node names it and the credential has no declarative test that would win', () => {
	expect((new WonotifyApi() as ICredentialType).test).toBeUndefined();
	expect(new Wonotify().description.credentials).toEqual([{ name: 'wonotifyApi', required: true, testedBy: 'wonotifyApiTest' }]);
});

test('the right token passes, with one call that changes nothing', async () => {
	const instancesBefore = ctx.sim.snapshot().instances;
	expect(await testCredential()).toEqual({ status: 'OK', message: 'Connection successful!' });
	expect(ctx.sim.requests.map((request) => [request.method, request.path, request.query.instance_id])).toEqual([
		['GET', '/get_qrcode', undefined],
	]);
	expect(ctx.sim.snapshot().instances).toEqual(instancesBefore);
});

test('a wrong token → the token is named as the problem', async () => {
	const result = await testCredential({ accessToken: SECRET_TOKEN });
	expect(result).toEqual({
		status: 'Error',
		message: 'Wonotify does not know this access token. Copy it again from your Wonotify dashboard.',
	});
});

test('the website instead of its /api → the Base URL is named, with what it usually is', async () => {
	const result = await testCredential({ baseUrl: ctx.sim.url });
	expect(result.status).toBe('Error');
	expect(result.message).toBe(
		`The Base URL "${ctx.sim.url}" answered with HTTP 404, so it is not the Wonotify API. It usually is https://wonotify.com/api (ending with /api).`,
	);
});

test('an HTML page answered with HTTP 200 (a proxy, a website) → the Base URL is named, the token is not', async () => {
	ctx.sim.addInstance({ token: SECRET_TOKEN });
	// The page echoes the request URL, token included.
	ctx.sim.failNext('nonJson');
	const result = await testCredential({ accessToken: SECRET_TOKEN });
	expect(result).toEqual({
		status: 'Error',
		message: `The Base URL "${ctx.sim.baseUrl}" answered with a web page, not like the Wonotify API. It usually is https://wonotify.com/api (ending with /api).`,
	});
});

test.each([
	['http502', 502],
	['http500', 500],
] as const)('the gateway down behind its proxy (%s) → "down or busy, try again later", not a wrong Base URL', async (kind, statusCode) => {
	ctx.sim.failNext(kind);
	expect(await testCredential()).toEqual({
		status: 'Error',
		message: `The Base URL "${ctx.sim.baseUrl}" answered with HTTP ${statusCode}. Wonotify, or the server at the Base URL, seems to be down or busy. Try again in a few minutes.`,
	});
});

test('nothing listening at the Base URL → says so, naming it', async () => {
	const port = await closedPort();
	const baseUrl = `http://127.0.0.1:${port}/api`;
	expect(await testCredential({ baseUrl })).toEqual({
		status: 'Error',
		message: `Could not connect to the Base URL "${baseUrl}": nothing answers at that address. Check the Base URL in the Wonotify API credential and that this n8n can reach it.`,
	});
});

test.each([
	['a Base URL that is not http(s)', { baseUrl: 'wonotify.com/api' }, /^The Base URL "wonotify\.com\/api" is not an http\(s\) address/],
	['an empty token', { accessToken: '' }, /^The Access Token is empty/],
])('%s → fails before any request', async (_label, overrides, message) => {
	const result = await testCredential(overrides);
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(message);
	expect(ctx.sim.requests).toHaveLength(0);
});
