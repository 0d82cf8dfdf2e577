// A small client for the internal REST API of n8n 2.41 (what its editor calls), with the
// cookie session the editor uses. `npm start`, the end-to-end tests and the benchmarks use it.
// Shapes checked against a running n8n 2.41.1: every answer is `{ data: … }`.
import { parse as parseFlatted } from 'flatted';

export class N8nRestError extends Error {
	constructor(method, path, status, body) {
		const message = typeof body === 'object' && body !== null ? (body.message ?? JSON.stringify(body)) : String(body);
		super(`n8n ${method} ${path} answered HTTP ${status}: ${String(message).slice(0, 500)}`);
		this.name = 'N8nRestError';
		this.status = status;
		this.body = body;
	}
}

/** A workflow's triggers could not be set up (e.g. the Wonotify Trigger's create threw). */
export class N8nPublicationError extends Error {
	constructor(workflowId, state, reason) {
		const errors = (state?.triggers ?? []).filter((t) => t.errorMessage).map((t) => `node ${t.nodeId}: ${t.errorMessage}`);
		super(`Workflow ${workflowId} was not activated (${reason ?? `publication status ${state?.status}`})${errors.length ? `: ${errors.join('; ')}` : ''}`);
		this.name = 'N8nPublicationError';
		this.state = state;
	}
}

export class N8nClient {
	/** @param {string} url n8n's base URL, e.g. http://127.0.0.1:5678 */
	constructor(url) {
		this.url = url.replace(/\/$/, '');
		/** @type {Map<string, string>} */
		this.cookies = new Map();
	}

	/** The session cookie header, for callers who make their own requests (or a browser). */
	get cookieHeader() {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	/**
	 * Calls /rest/<path> and returns its `data`, or throws N8nRestError.
	 * @param {string} method
	 * @param {string} path e.g. `/workflows` (the `/rest` prefix is added)
	 * @param {unknown} [body] sent as JSON
	 * @param {Record<string, unknown>} [query]
	 */
	async request(method, path, body, query) {
		const url = new URL(`${this.url}/rest${path}`);
		for (const [key, value] of Object.entries(query ?? {})) {
			if (value !== undefined) url.searchParams.set(key, typeof value === 'string' ? value : JSON.stringify(value));
		}
		const headers = { accept: 'application/json' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (this.cookies.size > 0) headers.cookie = this.cookieHeader;
		const response = await fetch(url, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		for (const cookie of response.headers.getSetCookie()) {
			const [pair] = cookie.split(';');
			const index = pair.indexOf('=');
			const name = pair.slice(0, index).trim();
			const value = pair.slice(index + 1).trim();
			// Logout / expiry clears a cookie with an empty value.
			if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		const text = await response.text();
		let parsed = text;
		try {
			parsed = text === '' ? undefined : JSON.parse(text);
		} catch {
			// not JSON: keep the text (n8n answers "n8n is starting up. Please wait" while it starts)
		}
		if (!response.ok) throw new N8nRestError(method, path, response.status, parsed);
		if (typeof parsed !== 'object' || parsed === null) throw new N8nRestError(method, path, response.status, parsed);
		return 'data' in parsed ? parsed.data : parsed;
	}

	/**
	 * The bytes of a binary file an execution stored (GET /rest/binary-data, as the editor's
	 * Download button does), by the `id` in the execution's binary data.
	 * @returns {Promise<Buffer>}
	 */
	async binaryData(id) {
		const url = new URL(`${this.url}/rest/binary-data`);
		url.searchParams.set('id', id);
		url.searchParams.set('action', 'download');
		const response = await fetch(url, { headers: { cookie: this.cookieHeader }, signal: AbortSignal.timeout(60_000) });
		if (!response.ok) throw new N8nRestError('GET', '/binary-data', response.status, await response.text());
		return Buffer.from(await response.arrayBuffer());
	}

	/**
	 * Names of every node type n8n loaded (GET /types/nodes.json, outside /rest). Nodes of an
	 * installed package are named `<package name>.<node name>`, e.g. n8n-nodes-wonotify.wonotify,
	 * plus an AI-tool twin `…Tool` for nodes that are usableAsTool. (POST /rest/node-types, by
	 * contrast, answers with the bare description name, e.g. `wonotify`.)
	 * @returns {Promise<string[]>}
	 */
	async nodeTypeNames() {
		return [...(await this.nodeTypeVersions()).keys()];
	}

	/** Every node type n8n knows, with the versions it has of each. @returns {Promise<Map<string, number[]>>} */
	async nodeTypeVersions() {
		const response = await fetch(`${this.url}/types/nodes.json`, {
			headers: { cookie: this.cookieHeader },
			signal: AbortSignal.timeout(60_000),
		});
		if (!response.ok) throw new N8nRestError('GET', '/types/nodes.json', response.status, await response.text());
		const versions = new Map();
		for (const { name, version } of await response.json()) versions.set(name, [...(versions.get(name) ?? []), ...[version].flat()]);
		return versions;
	}

	/** GET /rest/settings (no login needed). */
	async settings() {
		return await this.request('GET', '/settings');
	}

	/**
	 * Creates the owner account on a fresh n8n (POST /rest/owner/setup, which logs in too),
	 * or logs in when there is one already (POST /rest/login).
	 * @returns {Promise<{ user: object, created: boolean }>}
	 */
	async setupOrLogin({ email, password, firstName = 'Local', lastName = 'Developer' }) {
		const { userManagement } = await this.settings();
		if (userManagement?.showSetupOnFirstLoad) {
			const user = await this.request('POST', '/owner/setup', { email, password, firstName, lastName });
			return { user, created: true };
		}
		return { user: await this.login({ email, password }), created: false };
	}

	/** POST /rest/login {emailOrLdapLoginId, password} (the field is not `email` in 2.x). */
	async login({ email, password }) {
		return await this.request('POST', '/login', { emailOrLdapLoginId: email, password });
	}

	/** @returns {Promise<Array<{ id: string, name: string, type: string }>>} */
	async listCredentials() {
		return await this.request('GET', '/credentials');
	}

	/**
	 * POST /rest/credentials; n8n encrypts `data`. Goes to the user's personal project.
	 * @param {{ name: string, type: string, data: Record<string, unknown>, projectId?: string }} credential
	 * @returns {Promise<{ id: string, name: string, type: string }>}
	 */
	async createCredential({ name, type, data, projectId }) {
		return await this.request('POST', '/credentials', { name, type, data, projectId });
	}

	/** PATCH /rest/credentials/:id with the whole (new) data. */
	async updateCredential(id, { name, type, data }) {
		return await this.request('PATCH', `/credentials/${id}`, { name, type, data });
	}

	/**
	 * POST /rest/workflows. `active` in the JSON is ignored by n8n: activate afterwards.
	 * @param {{ name: string, nodes: object[], connections: object, settings?: object, pinData?: object }} workflow
	 * @returns {Promise<{ id: string, versionId: string, active: boolean, name: string, nodes: object[] } & Record<string, unknown>>}
	 */
	async createWorkflow(workflow) {
		return await this.request('POST', '/workflows', this.newWorkflowBody(workflow));
	}

	/** What POST /rest/workflows is sent for a workflow JSON (n8n-rest-1x.mjs adds to it). */
	newWorkflowBody(workflow) {
		const { name, nodes, connections, settings, pinData, meta, tags } = workflow;
		return {
			name,
			nodes,
			connections,
			settings: settings ?? { executionOrder: 'v1' },
			pinData,
			meta,
			tags: Array.isArray(tags) && tags.every((tag) => typeof tag === 'string') ? tags : undefined,
		};
	}

	async getWorkflow(id) {
		return await this.request('GET', `/workflows/${id}`);
	}

	/** GET /rest/workflows: the list (without nodes). */
	async listWorkflows() {
		return await this.request('GET', '/workflows');
	}

	/**
	 * POST /rest/workflows/:id/activate {versionId}. In n8n 2.41 this only records the
	 * publication and queues it: the triggers are set up (for the Wonotify Trigger: its
	 * webhook checkExists/create) a moment later, in the background, and a failing `create`
	 * does not make this call fail. With `wait` (the default) this resolves once the
	 * publication is over, and throws N8nPublicationError with the triggers' errors if it failed.
	 * @param {string} id
	 * @param {{ versionId?: string, wait?: boolean, timeoutMs?: number }} [options] versionId defaults to the current version
	 */
	async activate(id, { versionId, wait = true, timeoutMs } = {}) {
		const version = versionId ?? (await this.getWorkflow(id)).versionId;
		const workflow = await this.request('POST', `/workflows/${id}/activate`, { versionId: version });
		if (wait) await this.waitForPublication(id, { timeoutMs, expect: 'published' });
		return workflow;
	}

	/** POST /rest/workflows/:id/deactivate {} (the trigger's webhook delete runs in the background; `wait` waits for it). */
	async deactivate(id, { wait = true, timeoutMs } = {}) {
		const workflow = await this.request('POST', `/workflows/${id}/deactivate`, {});
		if (wait) await this.waitForPublication(id, { timeoutMs });
		return workflow;
	}

	/**
	 * GET /rest/workflows/:id/publication-status.
	 * @returns {Promise<{ status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed',
	 *   liveVersionId: string | null, pendingVersionId: string | null,
	 *   triggers: Array<{ nodeId: string, status: string, errorMessage: string | null }> }>}
	 */
	async publicationStatus(id) {
		return await this.request('GET', `/workflows/${id}/publication-status`);
	}

	/**
	 * Polls the publication status until it is no longer `in_progress`. With `expect:
	 * 'published'`, any other outcome throws N8nPublicationError (with the trigger errors).
	 */
	async waitForPublication(id, { timeoutMs = 30_000, intervalMs = 100, expect } = {}) {
		const deadline = Date.now() + timeoutMs;
		let state;
		do {
			state = await this.publicationStatus(id);
			if (state.status !== 'in_progress') {
				if (expect !== undefined && state.status !== expect) throw new N8nPublicationError(id, state);
				return state;
			}
			await new Promise((resolve) => setTimeout(resolve, intervalMs));
		} while (Date.now() < deadline);
		throw new N8nPublicationError(id, state, `still in progress after ${timeoutMs / 1000} s`);
	}

	async deleteWorkflow(id) {
		try {
			await this.request('POST', `/workflows/${id}/archive`, {});
		} catch (error) {
			// archiving an active workflow is refused: deactivate first
			if (!(error instanceof N8nRestError) || error.status !== 400) throw error;
			await this.deactivate(id);
			await this.request('POST', `/workflows/${id}/archive`, {});
		}
		return await this.request('DELETE', `/workflows/${id}`);
	}

	/**
	 * GET /rest/executions, newest first, without their data.
	 * @param {{ workflowId?: string, status?: string[], limit?: number }} [filter]
	 * @returns {Promise<Array<{ id: string, workflowId: string, status: string, mode: string, startedAt: string, stoppedAt: string | null }>>}
	 */
	async executions({ workflowId, status, limit = 100 } = {}) {
		const filter = {};
		if (workflowId !== undefined) filter.workflowId = workflowId;
		if (status !== undefined) filter.status = status;
		const answer = await this.request('GET', '/executions', undefined, { filter, limit: String(limit) });
		return answer.results;
	}

	/**
	 * GET /rest/executions/:id. n8n serialises `data` with flatted; here it is parsed, so
	 * `execution.data.resultData.runData[nodeName][0].data.main[0]` holds a node's output items.
	 */
	async execution(id) {
		const execution = await this.request('GET', `/executions/${id}`);
		if (typeof execution.data === 'string') execution.data = parseFlatted(execution.data);
		return execution;
	}

	/**
	 * Polls until the workflow has at least `count` finished executions (newest first), or
	 * throws after `timeoutMs`.
	 */
	async waitForExecutions(workflowId, { count = 1, timeoutMs = 15_000, intervalMs = 200 } = {}) {
		const deadline = Date.now() + timeoutMs;
		let seen = [];
		while (Date.now() < deadline) {
			seen = await this.executions({ workflowId });
			const finished = seen.filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
			if (finished.length >= count) return finished;
			await new Promise((resolve) => setTimeout(resolve, intervalMs));
		}
		throw new Error(
			`Workflow ${workflowId} has ${seen.length} execution(s) (${seen.map((e) => e.status).join(', ') || 'none'}), not ${count} finished, after ${timeoutMs / 1000} s`,
		);
	}
}

/** A node's output items (their `json`) in a parsed execution, for the first run of the node. */
export function nodeOutput(execution, nodeName, { run = 0, output = 0 } = {}) {
	const runs = execution.data?.resultData?.runData?.[nodeName];
	if (runs === undefined) return undefined;
	return (runs[run]?.data?.main?.[output] ?? []).map((item) => item.json);
}

/** The error n8n recorded for the run (message and, if any, description), or undefined. */
export function executionError(execution) {
	const error = execution.data?.resultData?.error;
	if (!error) return undefined;
	return [error.message, error.description].filter(Boolean).join(' — ');
}
