// The workflows the benchmarks run, as n8n stores them, and the few steps around them:
// create + activate, wait until a production webhook answers, count stored executions.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The version the editor gives a new node of ours: the highest one the built node declares. */
function currentVersion(file, className) {
	const { version } = new (require(`../../dist/nodes/${file}`)[className])().description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

const node = (name, type, typeVersion, parameters, extra = {}) => ({
	id: randomUUID(),
	name,
	type,
	typeVersion,
	position: [0, 0],
	parameters,
	...extra,
});

export function webhookNode(name, { path, responseMode, responseData }) {
	const parameters = { httpMethod: 'POST', path, responseMode, options: {} };
	if (responseData !== undefined) parameters.responseData = responseData;
	return node(name, 'n8n-nodes-base.webhook', 2, parameters, { webhookId: randomUUID() });
}

/** One item per element of the webhook's JSON array body. */
export function splitOutNode(name) {
	return node(name, 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'body', include: 'noOtherFields', options: {} });
}

/** Wonotify → Message → Send Text to `$json.number`. */
export function wonotifySendTextNode(name, { instanceId, credential, options = {} }) {
	return node(
		name,
		'n8n-nodes-wonotify.wonotify',
		currentVersion('Wonotify/Wonotify.node.js', 'Wonotify'),
		{ resource: 'message', operation: 'sendText', instanceId, chatId: '={{ $json.number }}', message: '={{ $json.text }}', options },
		{ credentials: { wonotifyApi: { id: credential.id, name: credential.name } } },
	);
}

/** n8n's HTTP Request node doing the same POST /send the Wonotify node makes, token in the JSON body. */
export function httpRequestSendNode(name, { baseUrl, instanceId, token }) {
	const field = (fieldName, value) => ({ name: fieldName, value });
	return node(name, 'n8n-nodes-base.httpRequest', 4.2, {
		method: 'POST',
		url: `${baseUrl}/send`,
		sendBody: true,
		contentType: 'json',
		specifyBody: 'keypair',
		bodyParameters: {
			parameters: [
				field('instance_id', instanceId),
				field('access_token', token),
				field('number', '={{ $json.number }}'),
				field('type', 'text'),
				field('message', '={{ $json.text }}'),
			],
		},
		// The gateway answers JSON as text/html: parse it, as the Wonotify node does.
		options: { response: { response: { responseFormat: 'json' } } },
	});
}

export function wonotifyTriggerNode(name, { instanceId, credential }) {
	return node(
		name,
		'n8n-nodes-wonotify.wonotifyTrigger',
		currentVersion('WonotifyTrigger/WonotifyTrigger.node.js', 'WonotifyTrigger'),
		{ instanceId, events: ['messageReceived'], simplify: true, options: {} },
		{ webhookId: randomUUID(), credentials: { wonotifyApi: { id: credential.id, name: credential.name } } },
	);
}

/** The benchmark's control trigger (scripts/bench/probe-trigger): hands each POST body to the workflow. */
export const PROBE_PACKAGE_DIR = new URL('./probe-trigger', import.meta.url).pathname;

export function probeTriggerNode(name, { credential }) {
	return node(name, 'n8n-nodes-bench-probe.probeTrigger', 1, {}, { webhookId: randomUUID(), credentials: { wonotifyApi: { id: credential.id, name: credential.name } } });
}

/** A straight line of nodes: each one's main output into the next. */
export function chain(name, nodes) {
	const connections = {};
	nodes.forEach((from, index) => {
		const to = nodes[index + 1];
		if (to) connections[from.name] = { main: [[{ node: to.name, type: 'main', index: 0 }]] };
	});
	nodes.forEach((n, index) => (n.position = [index * 240, 0]));
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

/** Saves and activates the workflow (waiting for its triggers to be set up); returns its id. */
export async function createActive(client, workflow) {
	const created = await client.createWorkflow(workflow);
	await client.activate(created.id);
	return created.id;
}

/** A just-activated production webhook answers 404 for a moment: wait until `isLive(status)`. */
export async function waitForWebhook(url, isLive, { body = '{}', timeoutMs = 15_000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		await response.text();
		if (isLive(response.status)) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`The webhook ${url} did not go live within ${timeoutMs / 1000} s`);
}

/** GET /rest/executions for one workflow, raw: { count, results, nextCursor }. */
export async function executionPage(client, workflowId, { limit = 100, cursor } = {}) {
	return await client.request('GET', '/executions', undefined, { filter: { workflowId }, limit: String(limit), cursor });
}

/** n8n's count of the workflow's finished executions (one cheap request). */
export async function finishedCount(client, workflowId) {
	return (await executionPage(client, workflowId, { limit: 1 })).count;
}

/**
 * Every stored execution of the workflow, page by page (at most 100 a page, n8n's limit,
 * following n8n's `nextCursor`): their number by status, and the highest id.
 */
export async function countExecutions(client, workflowId) {
	const ids = new Set();
	const byStatus = {};
	let cursor;
	do {
		const page = await executionPage(client, workflowId, { cursor });
		for (const execution of page.results) {
			if (ids.has(execution.id)) continue;
			ids.add(execution.id);
			byStatus[execution.status] = (byStatus[execution.status] ?? 0) + 1;
		}
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return { total: ids.size, byStatus };
}

/** Polls until the workflow has `count` finished executions; resolves with the time that took. */
export async function waitForFinished(client, workflowId, count, { timeoutMs = 180_000, intervalMs = 200 } = {}) {
	const started = performance.now();
	const deadline = Date.now() + timeoutMs;
	let seen = 0;
	while (Date.now() < deadline) {
		seen = await finishedCount(client, workflowId);
		if (seen >= count) return performance.now() - started;
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	throw new Error(`Workflow ${workflowId}: ${seen} finished executions, not ${count}, after ${timeoutMs / 1000} s`);
}
