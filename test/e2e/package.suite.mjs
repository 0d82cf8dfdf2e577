// The packed package as n8n loaded it (installed the way users install a community node by
// hand, see scripts/lib/n8n-server.mjs), and the credential's Test button, in a real n8n.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { packageRoot } from '../../scripts/lib/n8n-server.mjs';
import { ACCESS_TOKEN } from './e2e-stack.mjs';

const examplesDir = join(packageRoot, 'examples');

/** smoke: without the checks of what only n8n 2.x has (the examples' node versions, Human review tools, schemas). */
export function packageSuite(getStack, { smoke = false } = {}) {
	const more = smoke ? () => {} : it;
	describe('package loaded by n8n', () => {
		it(smoke ? 'n8n lists both nodes and the AI tool twin of the action node' : 'n8n lists both nodes, the AI tool twin of the action node and its Human review tool (Send and Wait)', async () => {
			const names = await getStack().client.nodeTypeNames();
			const expected = ['n8n-nodes-wonotify.wonotify', 'n8n-nodes-wonotify.wonotifyTrigger', 'n8n-nodes-wonotify.wonotifyTool'];
			// n8n 1.x generates no Human review tools.
			for (const name of smoke ? expected : [...expected, 'n8n-nodes-wonotify.wonotifyHitlTool']) {
				assert.ok(names.includes(name), `${name} is not loaded`);
			}
		});
	
		more('every example workflow uses node types and versions this n8n has', async () => {
			const known = await getStack().client.nodeTypeVersions();
			const examples = readdirSync(examplesDir).filter((file) => file.endsWith('.json'));
			assert.ok(examples.length >= 4, `only ${examples.length} examples found`);
			for (const file of examples) {
				const { nodes } = JSON.parse(readFileSync(join(examplesDir, file), 'utf8'));
				for (const { name, type, typeVersion } of nodes) {
					assert.ok(known.get(type)?.includes(typeVersion), `${file}: node "${name}" is ${type} version ${typeVersion}, which this n8n does not have (it has ${known.get(type) ?? 'no such type'})`);
				}
			}
		});
	
		more('n8n serves the output schemas the editor offers for mapping before the first run', async () => {
			const answer = await fetch(`${getStack().n8n.url}/schemas/n8n-nodes-wonotify.wonotify/1.0.0/message/sendText.json`, {
				headers: { cookie: getStack().client.cookieHeader },
			});
			assert.equal(answer.status, 200);
			assert.deepEqual(Object.keys((await answer.json()).properties).slice(0, 3), ['messageId', 'chatId', 'status']);
		});
	});

	describe('the credential test', () => {
		const test = async (accessToken, baseUrl = getStack().sim.baseUrl) =>
			await getStack().client.request('POST', '/credentials/test', {
				credentials: { id: getStack().credential.id, name: 'probe', type: 'wonotifyApi', data: { accessToken, baseUrl, instanceId: '' } },
			});
	
		it('accepts the right token and names the problem with a wrong one, changing nothing', async () => {
			const instancesBefore = getStack().sim.snapshot().instances.length;
			getStack().sim.clearRequests();
			assert.deepEqual(await test(ACCESS_TOKEN), { status: 'OK', message: 'Connection successful!' });
			const wrong = await test('not-the-right-token');
			assert.equal(wrong.status, 'Error');
			assert.match(wrong.message, /does not know this access token/);
			assert.equal(getStack().sim.snapshot().instances.length, instancesBefore);
			// Two calls, each an instance call without an instance: nothing is created or changed.
			assert.deepEqual(
				getStack().sim.requests.map((request) => [request.path, request.query.instance_id]),
				[['/get_qrcode', undefined], ['/get_qrcode', undefined]],
			);
		});
	
		it("fails, naming the Base URL, when the Base URL answers with a web page (here: n8n's own editor)", async () => {
			const answer = await test(ACCESS_TOKEN, getStack().n8n.url);
			assert.equal(answer.status, 'Error');
			assert.match(answer.message, new RegExp(`The Base URL "${getStack().n8n.url}" answered with a web page`));
			assert.ok(!answer.message.includes(ACCESS_TOKEN));
		});
	});
}
