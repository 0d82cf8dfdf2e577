// The pure parts of the trigger's protection against repeats and replays: the age check
// (with clock skew and the timestamp shapes Baileys sends) and the bounded memory of
// messages already let through.
import { eventsToItems } from '../../nodes/WonotifyTrigger/events';
import { FUTURE_TOLERANCE_MS, messageAgeProblem, messageTimeMs } from '../../nodes/WonotifyTrigger/message-age';
import {
	MAX_SEEN_MESSAGES,
	messageKey,
	seenLimits,
	seenMessages,
	seenMessagesIn,
	storeSeenMessages,
	SEEN_MESSAGES_KEY,
} from '../../nodes/WonotifyTrigger/seen-messages';

const ARRIVAL_MS = Date.UTC(2026, 0, 1, 12, 0, 0);
const secondsAgo = (seconds: number) => ARRIVAL_MS / 1000 - seconds;
const keysIn = (stored: unknown) => String(stored).split(' ').map((entry) => entry.split(':')[0]);

describe('message age', () => {
	it.each<[string, unknown, number]>([
		['seconds as a number', 1735689600, 1735689600_000],
		['seconds as a string', '1735689600', 1735689600_000],
		['a protobuf Long', { low: 1735689600, high: 0, unsigned: true }, 1735689600_000],
		['milliseconds', 1735689600_123, 1735689600_123],
	])('reads %s', (_name, timestamp, expected) => {
		expect(messageTimeMs(timestamp)).toBe(expected);
	});

	it.each([undefined, null, '', 'soon', 0, -5, {}])('keeps a message whose timestamp cannot be read (%p)', (timestamp) => {
		expect(messageAgeProblem(timestamp, ARRIVAL_MS, 10)).toBeUndefined();
	});

	it('keeps a message up to the limit and drops an older one', () => {
		expect(messageAgeProblem(secondsAgo(5), ARRIVAL_MS, 10)).toBeUndefined();
		expect(messageAgeProblem(secondsAgo(600), ARRIVAL_MS, 10)).toBeUndefined();
		expect(messageAgeProblem(secondsAgo(601), ARRIVAL_MS, 10)).toBe('message older than 10 minutes');
		expect(messageAgeProblem(String(secondsAgo(3 * 3600)), ARRIVAL_MS, 1)).toBe('message older than 1 minute');
	});

	it('allows clock skew: a message from the future within the tolerance is kept, one further ahead is not', () => {
		const ahead = (ms: number) => (ARRIVAL_MS + ms) / 1000;
		expect(messageAgeProblem(ahead(30_000), ARRIVAL_MS, 10)).toBeUndefined();
		expect(messageAgeProblem(ahead(FUTURE_TOLERANCE_MS), ARRIVAL_MS, 10)).toBeUndefined();
		expect(messageAgeProblem(ahead(FUTURE_TOLERANCE_MS + 1000), ARRIVAL_MS, 10)).toMatch(/ahead of n8n's clock/);
	});

	it('is off at 0 (and for anything that is not a positive number)', () => {
		for (const limit of [0, -1, NaN]) expect(messageAgeProblem(secondsAgo(86_400 * 30), ARRIVAL_MS, limit)).toBeUndefined();
	});
});

describe('the memory of messages let through', () => {
	const limits = { maxEntries: 3, maxAgeMs: 60_000 };

	it('knows a key the second time, in the same call and in the next one', () => {
		const first = seenMessages(undefined, ARRIVAL_MS, limits);
		expect(first.isRepeat('a')).toBe(false);
		expect(first.isRepeat('a')).toBe(true);
		const next = seenMessages(first.toStore(), ARRIVAL_MS + 1000, limits);
		expect(next.isRepeat('a')).toBe(true);
		expect(next.isRepeat('b')).toBe(false);
	});

	it('has nothing to store when nothing new was let through (n8n then writes nothing)', () => {
		const seen = seenMessages(`a:${ARRIVAL_MS / 1000}`, ARRIVAL_MS, limits);
		expect(seen.isRepeat('a')).toBe(true);
		expect(seen.toStore()).toBeUndefined();
	});

	it('forgets messages older than its age limit', () => {
		const now = ARRIVAL_MS / 1000;
		const seen = seenMessages(`old:${now - 61} recent:${now - 59}`, ARRIVAL_MS, limits);
		expect(seen.isRepeat('old')).toBe(false);
		expect(seen.toStore()).toBe(`recent:${now - 59} old:${now}`);
	});

	it('keeps the newest when it holds more than its size limit', () => {
		let stored: unknown;
		for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) {
			const seen = seenMessages(stored, ARRIVAL_MS, limits);
			seen.isRepeat(key);
			stored = seen.toStore();
		}
		expect(keysIn(stored)).toEqual(['k3', 'k4', 'k5']);
	});

	it('ignores what it does not understand in static data', () => {
		for (const stored of [null, 'text', [1, 2], { a: ARRIVAL_MS / 1000 }, 'a:yesterday', ':5']) {
			const seen = seenMessages(stored, ARRIVAL_MS, limits);
			expect(seen.isRepeat('a')).toBe(false);
		}
	});

	it('remembers a message as long as a copy could pass the age check, and a day without it', () => {
		expect(seenLimits(10)).toEqual({ maxEntries: MAX_SEEN_MESSAGES, maxAgeMs: 10 * 60_000 + FUTURE_TOLERANCE_MS });
		expect(seenLimits(0).maxAgeMs).toBe(24 * 60 * 60_000);
	});

	it('keys a message by instance, chat and ID: short, case-blind for the IDs of instance and chat', () => {
		const key = messageKey('66F1C2A3B4D5E', '919812345678@s.whatsapp.net', '3A1F');
		expect(key).toMatch(/^[A-Za-z0-9_-]{16}$/);
		expect(messageKey('66f1c2a3b4d5e', '919812345678@S.WHATSAPP.NET', '3A1F')).toBe(key);
		expect(messageKey('66F1C2A3B4D5E', '919812345678@s.whatsapp.net', '3A1f')).not.toBe(key);
		expect(messageKey('66F1C2A3B4D5E', '447700900123@s.whatsapp.net', '3A1F')).not.toBe(key);
		expect(messageKey('OTHER', '919812345678@s.whatsapp.net', '3A1F')).not.toBe(key);
	});

	it('stays bounded after 10,000 messages at the default settings', () => {
		const staticData = {};
		for (let i = 0; i < 10_000; i++) {
			const seen = seenMessagesIn(staticData, ARRIVAL_MS + i * 10, 10);
			seen.isRepeat(messageKey('66F1C2A3B4D5E', `${919700000000 + i}@s.whatsapp.net`, `3A${i}`));
			storeSeenMessages(staticData, seen);
		}
		const stored = (staticData as Record<string, string>)[SEEN_MESSAGES_KEY];
		expect(new Set(keysIn(stored)).size).toBe(MAX_SEEN_MESSAGES);
		expect(JSON.stringify(staticData).length).toBeLessThan(32_000);
	});
});

describe('repeats and replays in eventsToItems', () => {
	const message = (id: string, seconds: number, chat = '919812345678@s.whatsapp.net') => ({
		key: { remoteJid: chat, fromMe: false, id },
		messageTimestamp: seconds,
		message: { conversation: `text ${id}` },
	});
	const body = (type: string, ...messages: object[]) => ({
		instance_id: '66F1C2A3B4D5E',
		data: { event: 'messages.upsert', data: { type, messages } },
	});
	const settings = { receivedAtMs: ARRIVAL_MS };

	it('lets a message through once; its copy, in the same call or later, is a repeat', () => {
		const seen = seenMessages(undefined, ARRIVAL_MS, seenLimits(10));
		const first = eventsToItems(body('notify', message('A', secondsAgo(1)), message('A', secondsAgo(1))), settings, seen);
		expect(first.items.map((item) => item.messageId)).toEqual(['A']);
		expect(first.ignored).toBe('repeated message');
		const again = eventsToItems(body('notify', message('A', secondsAgo(1)), message('B', secondsAgo(1))), settings, seen);
		expect(again.items.map((item) => item.messageId)).toEqual(['B']);
		// The same ID in another chat is another message.
		expect(eventsToItems(body('notify', message('A', secondsAgo(1), '447700900123@s.whatsapp.net')), settings, seen).items).toHaveLength(1);
	});

	it('remembers only what it let through: a filtered-out message is not remembered', () => {
		const seen = seenMessages(undefined, ARRIVAL_MS, seenLimits(10));
		const own = { ...message('C', secondsAgo(1)), key: { remoteJid: '919812345678@s.whatsapp.net', fromMe: true, id: 'C' } };
		expect(eventsToItems(body('notify', own), settings, seen).ignored).toBe('messageSent not among the chosen events');
		expect(seen.toStore()).toBeUndefined();
		expect(eventsToItems(body('notify', message('OLD', secondsAgo(3600))), settings, seen).ignored).toBe('message older than 10 minutes');
		expect(seen.toStore()).toBeUndefined();
	});

	it('does not look for repeats with Ignore Repeated Messages off', () => {
		const seen = seenMessages(undefined, ARRIVAL_MS, seenLimits(10));
		const off = { ...settings, ignoreRepeatedMessages: false };
		expect(eventsToItems(body('notify', message('D', secondsAgo(1))), off, seen).items).toHaveLength(1);
		expect(eventsToItems(body('notify', message('D', secondsAgo(1))), off, seen).items).toHaveLength(1);
	});

	it('drops an offline replay (append, hours old) but keeps the echo of our own send (append, just now)', () => {
		const replay = eventsToItems(body('append', message('R', secondsAgo(5 * 3600))), settings);
		expect(replay).toEqual({ items: [], ignored: 'message older than 10 minutes', answers: [] });
		const echo = {
			key: { remoteJid: '919812345678@s.whatsapp.net', fromMe: true, id: '3EB0ECHO' },
			message: { conversation: 'our reply' },
			messageTimestamp: secondsAgo(0),
			status: 'PENDING',
		};
		const sent = eventsToItems(body('append', echo), { ...settings, events: ['messageSent'] });
		expect(sent.items.map((item) => item.messageId)).toEqual(['3EB0ECHO']);
	});

	it('lets old messages through with Ignore Messages Older Than at 0', () => {
		expect(eventsToItems(body('append', message('R', secondsAgo(5 * 3600))), { ...settings, ignoreOlderThanMinutes: 0 }).items).toHaveLength(1);
	});
});
