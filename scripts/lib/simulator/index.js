'use strict';
// The Wonotify simulator: a real HTTP server on 127.0.0.1 that speaks the gateway's API
// (traps included) under /api, and takes test and CLI controls under /__sim. Integration
// and end-to-end tests, benchmarks and `npm run simulator` use it instead of an account.
const { randomBytes } = require('node:crypto');
const http = require('node:http');

const { createAdmin } = require('./admin');
const { buttonTap, quickReplies, quotingReply } = require('./answers');
const { createApiHandler } = require('./api');
const { chatJid, connectionOpen, envelope, incomingMessage, typedText } = require('./events');
const { createFailures, normalizePath } = require('./failures');
const { sendGateway } = require('./http-io');
const { createIds, createRandom } = require('./ids');
const { createMediaStore } = require('./media');
const { createRoutes } = require('./routes');
const { createState, instanceSnapshot, SEEDED_INSTANCE } = require('./state');
const { createWebhookSender } = require('./webhook');
const { summarise } = require('./whatsapp-messages');

// Only the loopback address: the simulator accepts any test token and must not be reachable
// from the network.
const HOST = '127.0.0.1';
const DEFAULT_SEED = 0x5eed;
const MAX_REQUESTS_KEPT = 5000;
const MAX_DOWNLOADS_KEPT = 200;
const LAST_SHOWN = 20;

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path endpoint without the /api prefix, e.g. `/send`
 * @property {Record<string, string>} query
 * @property {unknown} body parsed JSON (or form), the raw text when it is neither, undefined when empty
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {number} at Date.now() when it arrived
 */

/**
 * Starts a simulator; resolves once it listens.
 * @param {object} [options]
 * @param {number} [options.port] 0 picks a free port
 * @param {string} [options.host] must be 127.0.0.1
 * @param {string[]} [options.tokens] valid access tokens; the first owns the seeded instance
 * @param {number} [options.latencyMs] delay before each API answer
 * @param {number} [options.seed] seed of the generated IDs
 * @param {number} [options.quota] messages each token may still send
 * @param {boolean | ((line: string) => void)} [options.log] print each request and webhook POST
 */
async function startSimulator(options = {}) {
	const {
		port = 0,
		host = HOST,
		tokens = ['test-token'],
		latencyMs: initialLatency = 0,
		seed = DEFAULT_SEED,
		quota = Infinity,
		log: logOption = false,
	} = options;
	if (host !== HOST) throw new Error(`The simulator only listens on ${HOST}, not ${host}`);
	const log = typeof logOption === 'function' ? logOption : logOption ? (line) => console.log(`[simulator] ${line}`) : () => {};

	const ids = createIds(seed);
	const state = createState({ tokens, quota, ids });
	const failures = createFailures();
	const webhooks = createWebhookSender({ log });
	const media = createMediaStore({ newId: () => randomBytes(12).toString('hex').toUpperCase() });
	/** @type {RecordedRequest[]} */
	const requests = [];
	let requestCount = 0;
	let latencyMs = checkLatency(initialLatency);
	let jitterMs = 0;
	const jitterRandom = createRandom(seed);
	const concurrency = createConcurrencyGauge();
	let closing;

	/** POSTs to the instance's webhook; null when it has none enabled (or the simulator closed). */
	async function notify(instance, payload) {
		if (closing || !instance.webhookEnabled || !instance.webhookUrl) return null;
		return webhooks.post(instance.webhookUrl, payload);
	}
	// The gateway ignores what happens to its POSTs; failures stay visible in the log and in
	// `deliveries`.
	const notifyAndForget = (instance, payload) => notify(instance, payload).catch(() => undefined);
	/** Media downloads the gateway made for sends (the latest 200), newest last. */
	const mediaDownloads = [];
	const recordDownload = (download) => {
		mediaDownloads.push({ ...download, at: Date.now() });
		if (mediaDownloads.length > MAX_DOWNLOADS_KEPT) mediaDownloads.shift();
	};
	const routes = createRoutes({ state, ids, notify: notifyAndForget, recordDownload });

	function record(entry) {
		requestCount += 1;
		requests.push(entry);
		if (requests.length > MAX_REQUESTS_KEPT) requests.shift();
	}
	const api = createApiHandler({
		routes,
		failures,
		record,
		log,
		latencyMs: () => latencyMs + Math.floor(jitterRandom() * jitterMs),
		concurrency,
	});

	function requireInstance(instanceId) {
		if (typeof instanceId !== 'string' || instanceId === '') throw new TypeError('instanceId is required');
		const instance = state.get(instanceId);
		if (!instance) {
			const known = state.list().map((i) => i.id).join(', ') || 'none';
			throw Object.assign(new Error(`No instance ${instanceId} (instances: ${known})`), { statusCode: 404 });
		}
		return instance;
	}

	const server = http.createServer();
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, HOST, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const url = `http://${HOST}:${server.address().port}`;

	const simulator = {
		url,
		/** What users put in the credential's Base URL. */
		baseUrl: `${url}/api`,
		port: server.address().port,
		/** API requests in arrival order (the latest 5000), kept up to date. */
		requests,
		/** Webhook POSTs made (the latest 200): {instanceId, event, url, at, status | error}. */
		deliveries: webhooks.deliveries,
		/**
		 * The media_url downloads of media sends (the latest 200): {url, ok, size, sha256,
		 * contentType, fileName, at}, {url, ok: false, statusCode?, error, at} when the download
		 * failed (the send was answered with the gateway's error), {url, skipped: true, at} for
		 * an address not on 127.0.0.1 (not fetched). A sent message keeps its download as `media`.
		 */
		mediaDownloads,

		clearRequests() {
			requests.length = 0;
		},
		/** @param {string} path `/send`, `send` or `/api/send` */
		requestsTo(path) {
			const wanted = normalizePath(path);
			return requests.filter((request) => request.path === wanted);
		},
		/**
		 * Adds an instance; an unknown token becomes a valid token that owns it.
		 * @param {{ id?: string, token?: string, connected?: boolean, phone?: string, name?: string }} [spec]
		 */
		addInstance(spec = {}) {
			return instanceSnapshot(state.addInstance(spec));
		},
		/** A copy of the instance (webhookUrl, webhookEnabled, connected, sent…), or undefined. */
		getInstance(instanceId) {
			const instance = state.get(instanceId);
			return instance && instanceSnapshot(instance);
		},
		/**
		 * The next `count` API requests (to `path` only, if given) fail the way `kind` says.
		 * @param {'http500' | 'http502' | 'nonJson' | 'error' | 'silentFail' | 'quota' | 'plainText' | 'echoToken' | 'echoTokenError' | 'echoTokenPage' | 'hang' | 'reset'} kind
		 * @param {{ count?: number, path?: string }} [options]
		 */
		failNext(kind, { count = 1, path } = {}) {
			failures.add(kind, { count, path });
		},
		/** Each API answer waits `ms`, plus a seeded random 0…`jitter` ms (answers then overtake each other). */
		setLatency(ms, jitter = 0) {
			latencyMs = checkLatency(ms);
			jitterMs = checkLatency(jitter);
		},
		/** The most API requests in flight at once since the last reset, overall and to one recipient. */
		get maxInFlight() {
			return { overall: concurrency.max, perChat: concurrency.maxPerChat };
		},
		/** Messages each token may still send (Infinity for no limit). */
		setQuota(remaining) {
			state.setQuota(remaining);
		},
		/**
		 * The phone scanned the QR code: the instance is connected and its webhook gets
		 * `connection.update` open. Resolves like emitEvent.
		 */
		async scan(instanceId) {
			const instance = requireInstance(instanceId);
			state.markConnected(instance);
			return notify(instance, connectionOpen(instance.id));
		},
		/**
		 * POSTs `{instance_id, data: {event, data}}` to the instance's webhook. Resolves with the
		 * webhook's {status, body}, or null when the instance has no enabled webhook; rejects
		 * when the webhook cannot be reached.
		 * @param {string} instanceId
		 * @param {string} event
		 * @param {unknown} [data]
		 * @returns {Promise<{ status: number, body: string } | null>}
		 */
		async emitEvent(instanceId, event, data) {
			const instance = requireInstance(instanceId);
			if (typeof event !== 'string' || event === '') throw new TypeError('event must be a name such as messages.upsert');
			return notify(instance, envelope(instance.id, event, data ?? null));
		},
		/**
		 * A text someone typed, as `messages.upsert` notify. Resolves like emitEvent.
		 * @param {string} instanceId
		 * @param {{ from: string, text: string, pushName?: string, group?: string, participant?: string, fromMe?: boolean, id?: string }} message
		 */
		async emitIncomingText(instanceId, message) {
			const instance = requireInstance(instanceId);
			return notify(instance, typedText(instance, message ?? {}, ids.phoneMessageId));
		},
		/**
		 * A photo, voice note, document, … someone sent: the file is encrypted as WhatsApp does
		 * it and served by the simulator; the webhook gets the message pointing at it. Resolves
		 * like emitEvent; `media.list()` has the file (its plain bytes to compare with).
		 * @param {string} instanceId
		 * @param {{ from: string, kind?: string, file?: Buffer, fileName?: string, mimetype?: string, caption?: string, keyShape?: 'base64' | 'buffer' | 'indexed', withHashes?: boolean, pushName?: string, group?: string, participant?: string }} message
		 */
		async emitIncomingMedia(instanceId, message) {
			const instance = requireInstance(instanceId);
			const { message: content } = media.add(url, message ?? {});
			return notify(instance, incomingMessage(instance, message ?? {}, content, ids.phoneMessageId));
		},
		/**
		 * The person taps a quick-reply button of the newest message sent to them (or to the
		 * group): the one labelled `button`, else the first; `buttonId` taps a button with that ID
		 * instead (a copied or forged one). Resolves like emitEvent.
		 * @param {string} instanceId
		 * @param {{ from: string, button?: string, buttonId?: string, messageId?: string, pushName?: string, group?: string, participant?: string }} message
		 */
		async emitButtonTap(instanceId, message) {
			const instance = requireInstance(instanceId);
			const content = buttonTap(instance, chatJid(message ?? {}), message ?? {});
			return notify(instance, incomingMessage(instance, message, content, ids.phoneMessageId));
		},
		/**
		 * The person replies to (quotes) the newest message sent to them or to the group, or the
		 * one with `messageId`. Resolves like emitEvent.
		 * @param {string} instanceId
		 * @param {{ from: string, text: string, messageId?: string, pushName?: string, group?: string, participant?: string }} message
		 */
		async emitReply(instanceId, message) {
			const instance = requireInstance(instanceId);
			const content = quotingReply(instance, chatJid(message ?? {}), message ?? {});
			return notify(instance, incomingMessage(instance, message, content, ids.phoneMessageId));
		},
		/** The encrypted files served under /v/t62.7118-24/: list(), expire(id), damage(id). */
		media,
		/** Resolves once every webhook POST started so far is over. */
		webhooksSettled: webhooks.settled,
		/** Everything at a glance, as JSON-ready data (what GET /__sim/state answers). */
		snapshot() {
			return {
				url,
				baseUrl: simulator.baseUrl,
				tokens: state.tokens(),
				latencyMs,
				// JSON has no Infinity: null means no limit.
				quotaLeft: Object.fromEntries(state.tokens().map((t) => [t, Number.isFinite(state.quotaLeft(t)) ? state.quotaLeft(t) : null])),
				instances: state.list().map(({ sent, ...instance }) => ({
					...instance,
					sentCount: sent.length,
					lastSent: sent.at(-1) ?? null,
				})),
				pendingFailures: failures.pending(),
				requestCount,
				lastRequests: requests.slice(-LAST_SHOWN).map(({ headers, ...request }) => request),
				lastDeliveries: webhooks.deliveries.slice(-LAST_SHOWN),
				lastMediaDownloads: mediaDownloads.slice(-LAST_SHOWN),
				// What reached "WhatsApp", newest last: what a person checks after a workflow ran.
				lastMessagesSent: state
					.list()
					.flatMap((instance) => instance.sent.map((sent) => ({ instanceId: instance.id, sent })))
					.sort((a, b) => a.sent.at - b.sent.at)
					.slice(-LAST_SHOWN)
					.map(({ instanceId, sent }) => ({
						at: sent.at,
						instanceId,
						to: sent.key.remoteJid,
						id: sent.key.id,
						...summarise(sent.message),
						// What `npm run simulator -- tap --button …` can tap.
						buttons: quickReplies(sent).map((button) => button.label),
					})),
			};
		},
		/** Back to the seeded state: instances, tokens, quota, latency, failures, recordings. */
		reset() {
			state.reset();
			failures.clear();
			requests.length = 0;
			webhooks.deliveries.length = 0;
			mediaDownloads.length = 0;
			media.clear();
			requestCount = 0;
			latencyMs = checkLatency(initialLatency);
			jitterMs = 0;
			concurrency.reset();
		},
		/** Stops the server, drops every connection (hanging requests too) and every timer. */
		close() {
			closing ??= new Promise((resolve) => {
				api.cancelWaits();
				webhooks.abortAll();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		},
	};

	const admin = createAdmin(simulator);
	server.on('request', (req, res) => {
		dispatch(req, res).catch((error) => {
			if (error.statusCode !== 413) console.error('[simulator] internal error:', error);
			if (!res.headersSent) sendGateway(res, error.statusCode ?? 500, `<html><body><h1>${error.statusCode ?? 500} Error</h1></body></html>`);
		});
	});
	async function dispatch(req, res) {
		// Concatenated, not resolved against a base: a path like //host must stay a path.
		const url = new URL(`http://${HOST}${req.url.startsWith('/') ? req.url : `/${req.url}`}`);
		if (url.pathname === '/__sim' || url.pathname.startsWith('/__sim/')) return admin(req, res, url);
		if (url.pathname.startsWith('/api/')) return api.handle(req, res, url);
		if (media.isMediaPath(url.pathname)) return media.handle(req, res, url);
		return sendGateway(res, 404, `Wonotify simulator: the API is at ${simulator.baseUrl}, its state at ${simulator.url}/__sim/state`);
	}

	log(`listening on ${simulator.baseUrl}`);
	return simulator;
}

function createConcurrencyGauge() {
	const perChat = new Map();
	const gauge = {
		current: 0,
		max: 0,
		maxPerChat: 0,
		enter(chat) {
			gauge.current += 1;
			gauge.max = Math.max(gauge.max, gauge.current);
			if (chat === '') return;
			const count = (perChat.get(chat) ?? 0) + 1;
			perChat.set(chat, count);
			gauge.maxPerChat = Math.max(gauge.maxPerChat, count);
		},
		leave(chat) {
			gauge.current -= 1;
			if (chat === '') return;
			const count = perChat.get(chat) - 1;
			if (count === 0) perChat.delete(chat);
			else perChat.set(chat, count);
		},
		reset() {
			gauge.max = gauge.current;
			gauge.maxPerChat = Math.max(0, ...perChat.values());
		},
	};
	return gauge;
}

function checkLatency(ms) {
	if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new TypeError(`latency must be a number of ms >= 0, got ${ms}`);
	return ms;
}

module.exports = { startSimulator, SEEDED_INSTANCE, SEEDED_TOKEN: 'test-token' };
