'use strict';
// The /__sim/ control endpoints: the same controls as the simulator object, over HTTP, for the
// CLI and for end-to-end tests that run n8n in another process.
const { readBody, sendJson } = require('./http-io');

const NO_WEBHOOK_HINT =
	'so the event went nowhere. Activate a workflow that starts with the Wonotify Trigger (it registers its webhook on activation), or call set_webhook with enable=true.';

// Handlers get the simulator and the parsed JSON body; they return the JSON to answer, or
// throw an error whose statusCode (400 for TypeErrors) becomes the HTTP status.
const ROUTES = {
	'GET /__sim/state': (sim) => sim.snapshot(),
	'GET /__sim/requests': (sim) => sim.requests,
	'DELETE /__sim/requests': (sim) => {
		sim.clearRequests();
		return { cleared: true };
	},
	// With `media` (image, voice, document, …; `file` as base64 for another file than the sample) a file arrives.
	'POST /__sim/incoming': (sim, body) =>
		emitted(sim, eventInstanceId(sim, body), 'messages.upsert', (id) =>
			body.media === undefined
				? sim.emitIncomingText(id, body)
				: sim.emitIncomingMedia(id, { ...body, kind: body.media, file: body.file === undefined ? undefined : Buffer.from(body.file, 'base64') }),
		),
	// A tap on a button of, or a reply quoting, the newest message the instance sent to that chat.
	'POST /__sim/tap': (sim, body) => emitted(sim, eventInstanceId(sim, body), 'messages.upsert', (id) => sim.emitButtonTap(id, body)),
	'POST /__sim/reply': (sim, body) => emitted(sim, eventInstanceId(sim, body), 'messages.upsert', (id) => sim.emitReply(id, body)),
	'POST /__sim/event': (sim, body) =>
		emitted(sim, eventInstanceId(sim, body), body.event, (id) => sim.emitEvent(id, body.event, body.data)),
	// The scan itself always works; the webhook only hears about it when there is one.
	'POST /__sim/scan': async (sim, body) => {
		const instanceId = scanInstanceId(sim, body);
		const result = await sim.scan(instanceId);
		if (result === null) return { instanceId, connected: true, webhookUrl: null, note: `No enabled webhook, ${NO_WEBHOOK_HINT}` };
		const { webhookUrl } = sim.getInstance(instanceId);
		return { instanceId, connected: true, webhookUrl, status: result.status, body: result.body };
	},
	'POST /__sim/fail': (sim, body) => {
		sim.failNext(body.kind, { count: body.count ?? 1, path: body.path });
		return { pendingFailures: sim.snapshot().pendingFailures };
	},
	'POST /__sim/reset': (sim) => {
		sim.reset();
		return sim.snapshot();
	},
	'POST /__sim/latency': (sim, body) => {
		sim.setLatency(body.ms);
		return { latencyMs: body.ms };
	},
	// JSON has no Infinity: null lifts the limit.
	'POST /__sim/quota': (sim, body) => {
		sim.setQuota(body.remaining === null ? Infinity : body.remaining);
		return { quotaLeft: sim.snapshot().quotaLeft };
	},
};

/** The webhook's answer, or 409 with what to do when the instance has no webhook. */
async function emitted(sim, instanceId, event, emit) {
	const result = await emit(instanceId);
	if (result === null) {
		throw Object.assign(new Error(`Instance ${instanceId} has no enabled webhook, ${NO_WEBHOOK_HINT}`), { statusCode: 409 });
	}
	const { webhookUrl } = sim.getInstance(instanceId);
	return { instanceId, event, webhookUrl, status: result.status, body: result.body };
}

// Without an instanceId, an event goes to the instance that listens: the first one with an
// enabled webhook (else the first one, which then explains that nothing listens).
function eventInstanceId(sim, body) {
	if (body.instanceId !== undefined) return body.instanceId;
	const instances = sim.snapshot().instances;
	const listening = instances.find((instance) => instance.webhookEnabled && instance.webhookUrl);
	const chosen = listening ?? instances[0];
	if (!chosen) throw Object.assign(new Error('There is no instance; create one first'), { statusCode: 404 });
	return chosen.id;
}

// Without an instanceId, the scan is for the newest instance that waits for one.
function scanInstanceId(sim, body) {
	if (body.instanceId !== undefined) return body.instanceId;
	const waiting = sim.snapshot().instances.filter((instance) => !instance.connected);
	if (waiting.length === 0) {
		throw Object.assign(
			new Error('Every instance is already connected. Create one first (Wonotify node → Instance → Create), or pass instanceId.'),
			{ statusCode: 400 },
		);
	}
	return waiting[waiting.length - 1].id;
}

function createAdmin(sim) {
	return async function handleAdmin(req, res, url) {
		const route = ROUTES[`${req.method} ${url.pathname}`];
		if (!route) {
			return sendJson(res, 404, { error: `No control endpoint ${req.method} ${url.pathname}`, endpoints: Object.keys(ROUTES) });
		}
		const raw = await readBody(req);
		let body;
		try {
			body = raw === '' ? {} : JSON.parse(raw);
		} catch {
			return sendJson(res, 400, { error: 'The body must be JSON' });
		}
		if (typeof body !== 'object' || body === null || Array.isArray(body)) return sendJson(res, 400, { error: 'The body must be a JSON object' });
		try {
			return sendJson(res, 200, await route(sim, body));
		} catch (error) {
			const statusCode = error.statusCode ?? (error instanceof TypeError ? 400 : 500);
			return sendJson(res, statusCode, { error: error.message });
		}
	};
}

module.exports = { createAdmin };
