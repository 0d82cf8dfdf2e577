// End-to-end tests against a real n8n with the package installed (see stack.mjs). One n8n
// serves every suite; they run in order, each leaving the stack usable for the next.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { packageRoot } from '../../scripts/lib/n8n-server.mjs';
import { actionSuite } from './action.suite.mjs';
import { editorSuite } from './editor.suite.mjs';
import { ACCESS_TOKEN, startStack } from './e2e-stack.mjs';
import { triggerSuite } from './trigger.suite.mjs';

const examplesDir = join(packageRoot, 'examples');

let stack;
const getStack = () => stack;

before(async () => {
	stack = await startStack();
});
after(async () => {
	await stack?.stop();
});

describe('package loaded by n8n', () => {
	it('n8n lists both nodes, the AI tool twin of the action node and its Human review tool (Send and Wait)', async () => {
		const names = await stack.client.nodeTypeNames();
		for (const name of ['n8n-nodes-wonotify.wonotify', 'n8n-nodes-wonotify.wonotifyTrigger', 'n8n-nodes-wonotify.wonotifyTool', 'n8n-nodes-wonotify.wonotifyHitlTool']) {
			assert.ok(names.includes(name), `${name} is not loaded`);
		}
	});

	it('every example workflow uses node types and versions this n8n has', async () => {
		const known = await stack.client.nodeTypeVersions();
		const examples = readdirSync(examplesDir).filter((file) => file.endsWith('.json'));
		assert.ok(examples.length >= 4, `only ${examples.length} examples found`);
		for (const file of examples) {
			const { nodes } = JSON.parse(readFileSync(join(examplesDir, file), 'utf8'));
			for (const { name, type, typeVersion } of nodes) {
				assert.ok(known.get(type)?.includes(typeVersion), `${file}: node "${name}" is ${type} version ${typeVersion}, which this n8n does not have (it has ${known.get(type) ?? 'no such type'})`);
			}
		}
	});

	it('n8n serves the output schemas the editor offers for mapping before the first run', async () => {
		const answer = await fetch(`${stack.n8n.url}/schemas/n8n-nodes-wonotify.wonotify/1.0.0/message/sendText.json`, {
			headers: { cookie: stack.client.cookieHeader },
		});
		assert.equal(answer.status, 200);
		assert.deepEqual(Object.keys((await answer.json()).properties).slice(0, 3), ['messageId', 'chatId', 'status']);
	});
});

actionSuite(getStack);
triggerSuite(getStack);
editorSuite(getStack);

describe('the access token', () => {
	it('appears in no stored execution and nowhere in n8n’s log', async () => {
		const executions = await stack.client.executions({ limit: 100 });
		assert.ok(executions.length > 10);
		for (const { id } of executions) {
			const execution = await stack.client.execution(id);
			assert.ok(!JSON.stringify(execution).includes(ACCESS_TOKEN), `execution ${id} contains the token`);
		}
		assert.ok(!stack.allLogs().includes(ACCESS_TOKEN), 'n8n’s log contains the token');
	});
});

describe('the credential test', () => {
	const test = async (accessToken, baseUrl = stack.sim.baseUrl) =>
		await stack.client.request('POST', '/credentials/test', {
			credentials: { id: stack.credential.id, name: 'probe', type: 'wonotifyApi', data: { accessToken, baseUrl, instanceId: '' } },
		});

	it('accepts the right token and names the problem with a wrong one, changing nothing', async () => {
		const instancesBefore = stack.sim.snapshot().instances.length;
		stack.sim.clearRequests();
		assert.deepEqual(await test(ACCESS_TOKEN), { status: 'OK', message: 'Connection successful!' });
		const wrong = await test('not-the-right-token');
		assert.equal(wrong.status, 'Error');
		assert.match(wrong.message, /does not know this access token/);
		assert.equal(stack.sim.snapshot().instances.length, instancesBefore);
		// Two calls, each an instance call without an instance: nothing is created or changed.
		assert.deepEqual(
			stack.sim.requests.map((request) => [request.path, request.query.instance_id]),
			[['/get_qrcode', undefined], ['/get_qrcode', undefined]],
		);
	});

	it("fails, naming the Base URL, when the Base URL answers with a web page (here: n8n's own editor)", async () => {
		const answer = await test(ACCESS_TOKEN, stack.n8n.url);
		assert.equal(answer.status, 'Error');
		assert.match(answer.message, new RegExp(`The Base URL "${stack.n8n.url}" answered with a web page`));
		assert.ok(!answer.message.includes(ACCESS_TOKEN));
	});
});
