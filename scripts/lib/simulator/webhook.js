'use strict';
// POSTs events to an instance's webhook the way the gateway does: JSON, no signature, no
// retry, reply ignored (but reported back to whoever asked for the event, for tests).
const http = require('node:http');
const https = require('node:https');

const TIMEOUT_MS = 10_000;
const MAX_REPLY_CHARS = 64 * 1024;
const MAX_DELIVERIES_KEPT = 200;

/** What a messages.upsert POST carries, in a few words: `simulator state` shows it. */
function aboutMessage({ event, data }) {
	const message = event === 'messages.upsert' ? data?.messages?.[0] : undefined;
	if (message === undefined) return undefined;
	if (data.type === 'append' && message.key?.fromMe) return `echo of a message sent to ${message.key.remoteJid}`;
	return `${message.key?.fromMe ? 'typed on the own phone in' : 'incoming from'} ${message.key?.remoteJid}`;
}

function createWebhookSender({ log }) {
	const inFlight = new Set(); // ClientRequests, destroyed by abortAll() on close
	const settling = new Set(); // their promises, for settled()
	const deliveries = [];

	function remember(entry) {
		deliveries.push(entry);
		if (deliveries.length > MAX_DELIVERIES_KEPT) deliveries.shift();
		log(
			`webhook ${entry.event}${entry.about ? ` (${entry.about})` : ''} → ${entry.url}: ${entry.error ? `failed (${entry.error})` : `HTTP ${entry.status}`}`,
		);
	}

	/** Resolves with the webhook's {status, body}; rejects when it cannot be reached. */
	function post(url, payload) {
		const event = payload.data.event;
		const entry = { instanceId: payload.instance_id, event, about: aboutMessage(payload.data), url, at: Date.now() };
		const promise = new Promise((resolve, reject) => {
			const text = JSON.stringify(payload);
			const client = url.startsWith('https:') ? https : http;
			const req = client.request(url, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'Content-Length': Buffer.byteLength(text),
					'User-Agent': 'Wonotify-Simulator',
				},
				timeout: TIMEOUT_MS,
			});
			inFlight.add(req);
			// The request and its response can both report a failure: only the first outcome counts.
			let done = false;
			const fail = (error) => {
				if (done) return;
				done = true;
				inFlight.delete(req);
				remember({ ...entry, error: error.code ?? error.message });
				reject(Object.assign(new Error(`Webhook POST to ${url} failed: ${error.code ?? error.message}`), { statusCode: 502 }));
			};
			req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
			req.on('error', fail);
			req.on('response', (res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => {
					if (body.length < MAX_REPLY_CHARS) body += chunk;
				});
				res.on('error', fail);
				// 'close' without 'end': the connection broke in the middle of the answer.
				res.on('close', () => fail(new Error('connection closed mid-answer')));
				res.on('end', () => {
					if (done) return;
					done = true;
					inFlight.delete(req);
					remember({ ...entry, status: res.statusCode });
					resolve({ status: res.statusCode, body });
				});
			});
			req.end(text);
		});
		settling.add(promise);
		const forget = () => settling.delete(promise);
		promise.then(forget, forget);
		return promise;
	}

	return {
		post,
		deliveries,
		/** Resolves once every POST started so far has been answered or has failed. */
		settled: () => Promise.allSettled([...settling]).then(() => undefined),
		abortAll() {
			for (const req of inFlight) req.destroy(new Error('simulator closed'));
			inFlight.clear();
		},
	};
}

module.exports = { createWebhookSender };
