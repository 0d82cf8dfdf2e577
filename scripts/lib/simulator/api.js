'use strict';
// One API request's way through the simulator: read and record it, let an injected failure
// or the latency have its say, answer with the route, then run what the route queued for
// after the answer (webhook events).
const { answerFailure } = require('./failures');
const { withEchoedToken } = require('./token-echo');
const { parseBody, readBody, searchParamsObject, sendGateway } = require('./http-io');
const { paramReader } = require('./routes');

/**
 * @param {object} deps
 * @param {Record<string, Function>} deps.routes handlers by path, e.g. `/send`
 * @param {ReturnType<import('./failures').createFailures>} deps.failures
 * @param {(request: object) => void} deps.record
 * @param {(line: string) => void} deps.log
 * @param {() => number} deps.latencyMs read at each request, so that setLatency applies at once
 * @param {{ enter: (chat: string) => void, leave: (chat: string) => void }} deps.concurrency
 */
function createApiHandler({ routes, failures, record, log, latencyMs, concurrency }) {
	// Latency delays, cancelled by cancelWaits() on close so that no timer outlives the server.
	// Each resolves true when the wait is over, false when it was cancelled.
	const waits = new Set();
	function wait(ms) {
		if (ms <= 0) return Promise.resolve(true);
		return new Promise((resolve) => {
			const entry = { resolve };
			entry.timer = setTimeout(() => {
				waits.delete(entry);
				resolve(true);
			}, ms);
			waits.add(entry);
		});
	}

	async function handle(req, res, url) {
		const rawBody = await readBody(req);
		const query = searchParamsObject(url.searchParams);
		const body = parseBody(rawBody, req.headers['content-type']);
		const path = url.pathname.slice('/api'.length);
		record({ method: req.method, path, query, body, headers: { ...req.headers }, at: Date.now() });
		const failure = failures.take(path);
		log(`${req.method} ${path}${failure ? ` (injected failure: ${failure})` : ''}`);
		const immediate = failure === 'hang' || failure === 'reset';
		// Which requests overlap in time, overall and per recipient: what parallel-send tests check.
		const param = paramReader(query, body);
		const chat = param('number') || param('group_id');
		concurrency.enter(chat);
		try {
			if (!immediate && !(await wait(latencyMs()))) return;
		} finally {
			concurrency.leave(chat);
		}
		if (failure && failure !== 'echoToken') return answerFailure(failure, { req, res, rawBody, token: param('access_token') });
		// The panel serves each endpoint whatever the HTTP method.
		const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
		if (!route) return sendGateway(res, 404, `<html><body><h1>404 Page Not Found</h1><p>${path}</p></body></html>`);
		const effects = [];
		const answer = await route({ query, body, param: paramReader(query, body), afterAnswer: (effect) => effects.push(effect) });
		if (res.destroyed) return;
		sendGateway(res, 200, failure === 'echoToken' ? withEchoedToken(answer, param('access_token')) : answer);
		for (const effect of effects) effect();
	}

	function cancelWaits() {
		for (const entry of waits) {
			clearTimeout(entry.timer);
			entry.resolve(false);
		}
		waits.clear();
	}

	return { handle, cancelWaits };
}

module.exports = { createApiHandler };
