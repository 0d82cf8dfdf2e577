'use strict';
// What the gateway remembers: which access tokens exist, the instances each one owns (with
// their connection and webhook), the messages sent through each instance, and the monthly
// quota left per token.

const SEEDED_INSTANCE = { id: '66F1C2A3B4D5E', phone: '919876543210', name: 'Simulator Shop' };
// Long interactive sessions must not grow memory without end.
const MAX_SENT_PER_INSTANCE = 1000;
const MAX_ID_ATTEMPTS = 100;

function createState({ tokens, quota, ids }) {
	if (!Array.isArray(tokens) || tokens.length === 0 || !tokens.every((t) => typeof t === 'string' && t !== '')) {
		throw new TypeError('tokens must be a non-empty array of non-empty strings');
	}
	const knownTokens = new Set();
	const instances = new Map();
	const quotaLeft = new Map();
	let quotaPerToken = checkQuota(quota);

	function addToken(token) {
		if (knownTokens.has(token)) return;
		knownTokens.add(token);
		quotaLeft.set(token, quotaPerToken);
	}

	function newInstanceId() {
		for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
			const id = ids.instanceId();
			if (!instances.has(id)) return id;
		}
		throw new Error('Could not draw a free instance ID');
	}

	function addInstance({ id, token = tokens[0], connected = false, phone, name } = {}) {
		if (id !== undefined && !/^[0-9A-F]{13}$/.test(id)) throw new TypeError(`Instance ID must be 13 uppercase hex characters, got ${id}`);
		if (id !== undefined && instances.has(id)) throw new Error(`Instance ${id} already exists`);
		addToken(token);
		const instance = {
			id: id ?? newInstanceId(),
			token,
			connected: false,
			phone: phone ?? null,
			name: name ?? null,
			webhookUrl: null,
			webhookEnabled: false,
			sent: [],
		};
		instances.set(instance.id, instance);
		if (connected) markConnected(instance);
		return instance;
	}

	/** A phone scanned the QR code: the instance now has a WhatsApp account behind it. */
	function markConnected(instance) {
		instance.connected = true;
		instance.phone ??= ids.phoneNumber();
		instance.name ??= 'Simulator Phone';
	}

	function recordSent(instance, entry) {
		instance.sent.push(entry);
		if (instance.sent.length > MAX_SENT_PER_INSTANCE) instance.sent.shift();
	}

	function setQuota(remaining) {
		quotaPerToken = checkQuota(remaining);
		for (const token of knownTokens) quotaLeft.set(token, quotaPerToken);
	}

	/** Uses one message of the token's quota; false when the quota is exhausted. */
	function spendQuota(token) {
		const left = quotaLeft.get(token) ?? 0;
		if (left <= 0) return false;
		quotaLeft.set(token, left - 1);
		return true;
	}

	function reset() {
		knownTokens.clear();
		instances.clear();
		quotaLeft.clear();
		quotaPerToken = checkQuota(quota);
		for (const token of tokens) addToken(token);
		addInstance({ ...SEEDED_INSTANCE, token: tokens[0], connected: true });
	}

	reset();
	return {
		isToken: (token) => knownTokens.has(token),
		tokens: () => [...knownTokens],
		quotaLeft: (token) => quotaLeft.get(token),
		get: (id) => instances.get(id),
		list: () => [...instances.values()],
		delete: (id) => instances.delete(id),
		addInstance,
		markConnected,
		recordSent,
		setQuota,
		spendQuota,
		reset,
	};
}

function checkQuota(value) {
	if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
		throw new TypeError(`quota must be a number >= 0 (or Infinity), got ${value}`);
	}
	return value;
}

/** A copy of an instance that callers can keep or change without touching the simulator. */
function instanceSnapshot(instance) {
	return structuredClone(instance);
}

module.exports = { createState, instanceSnapshot, SEEDED_INSTANCE };
