'use strict';
// The identifiers the gateway hands out (instance IDs, message IDs, phone numbers), drawn
// from a seeded generator so that a test run can be replayed with the same IDs.

/** mulberry32: tiny and deterministic; repeatability matters here, not randomness quality. */
function createRandom(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function createIds(seed) {
	const random = createRandom(seed);
	const draw = (length, radix) => {
		let text = '';
		for (let i = 0; i < length; i++) text += Math.floor(random() * radix).toString(radix);
		return text.toUpperCase();
	};
	// The counter keeps message IDs unique even when the random part repeats; it is never
	// reset (not even by reset()), so IDs stay unique for the simulator's whole life.
	let counter = 0;
	const next = () => {
		counter = (counter + 1) % 0x1000000;
		return counter.toString(16).toUpperCase().padStart(6, '0');
	};
	return {
		/** 13 uppercase hex characters, like `66F1C2A3B4D5E`. */
		instanceId: () => draw(13, 16),
		/** WhatsApp Web's own message IDs: `3EB0` + 16 hex characters. */
		sentMessageId: () => `3EB0${draw(10, 16)}${next()}`,
		/** Messages typed on a phone: `3A` + 18 hex characters. */
		phoneMessageId: () => `3A${draw(12, 16)}${next()}`,
		/** An Indian mobile number, for instances that get connected by scan(). */
		phoneNumber: () => `919${draw(9, 10)}`,
	};
}

module.exports = { createIds, createRandom };
