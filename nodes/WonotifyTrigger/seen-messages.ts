// Repeats: the same message (instance, chat, message ID) delivered again must not start the
// workflow again. The memory of what was let through lives in the node's static data, which
// n8n loads from its database before each production webhook call and saves after it when it
// changed: so it survives restarts and is shared by queue mode's webhook processors. Two
// copies handled at the same instant each load their own copy and the last save wins: that
// race is n8n's to close, and the README shows Remove Duplicates for it.
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { FUTURE_TOLERANCE_MS } from './message-age';

/** Where the memory sits in the node's static data, next to the registrations. */
export const SEEN_MESSAGES_KEY = 'seenMessages';

/**
 * Oldest first, `<key>:<first let through, Unix seconds>` separated by spaces. One string, not
 * an object of 1,000 keys: n8n reads and writes it with every message let through, and a
 * string is split and joined in microseconds where such an object costs a millisecond.
 */
export type SeenMessagesData = string;

export interface SeenLimits {
	/** The most messages remembered; the oldest are forgotten first. */
	maxEntries: number;
	/** How long a message is remembered. */
	maxAgeMs: number;
}

/** At most ≈ 30 KB in static data, which n8n writes to its database after every message let through. */
export const MAX_SEEN_MESSAGES = 1000;
const ONE_DAY_MS = 24 * 60 * 60_000;

/**
 * A copy that arrives after the age limit (plus the clock tolerance) is ignored as old anyway,
 * so a message is remembered that long and no longer; without the age check, for a day.
 */
export function seenLimits(maxAgeMinutes: number): SeenLimits {
	const maxAgeMs = maxAgeMinutes > 0 ? maxAgeMinutes * 60_000 + FUTURE_TOLERANCE_MS : ONE_DAY_MS;
	return { maxEntries: MAX_SEEN_MESSAGES, maxAgeMs };
}

/** 96 bits: no two messages among a few thousand share one, and 16 characters keep static data small. */
export function messageKey(instanceId: string, chatId: string, messageId: string): string {
	return createHash('sha256').update(`${instanceId.toLowerCase()}\n${chatId.toLowerCase()}\n${messageId}`).digest('base64url').slice(0, 16);
}

export interface SeenMessages {
	/** Whether the key was let through before; if not, it is remembered from now on. */
	isRepeat(key: string): boolean;
	/** The memory to store, bounded in age and size; undefined when nothing new was remembered (nothing to save). */
	toStore(): SeenMessagesData | undefined;
}

export function seenMessages(stored: unknown, nowMs: number, limits: SeenLimits): SeenMessages {
	const now = Math.floor(nowMs / 1000);
	const oldest = now - Math.ceil(limits.maxAgeMs / 1000);
	const entries = new Map<string, number>();
	if (typeof stored === 'string') {
		for (const entry of stored.split(' ')) {
			const separator = entry.lastIndexOf(':');
			const seenAt = Number(entry.slice(separator + 1));
			if (separator > 0 && seenAt > oldest) entries.set(entry.slice(0, separator), seenAt);
		}
	}
	let added = false;
	return {
		isRepeat(key) {
			if (entries.has(key)) return true;
			entries.set(key, now);
			added = true;
			return false;
		},
		toStore() {
			if (!added) return undefined;
			return [...entries]
				.slice(-limits.maxEntries)
				.map(([key, seenAt]) => `${key}:${seenAt}`)
				.join(' ');
		},
	};
}

/** The memory for one webhook call, read from the node's static data. */
export function seenMessagesIn(staticData: IDataObject, nowMs: number, maxAgeMinutes: number): SeenMessages {
	return seenMessages(staticData[SEEN_MESSAGES_KEY], nowMs, seenLimits(maxAgeMinutes));
}

/** Writes the memory back only when it changed: n8n saves static data (a database write) only then. */
export function storeSeenMessages(staticData: IDataObject, seen: SeenMessages): void {
	const data = seen.toStore();
	if (data !== undefined) staticData[SEEN_MESSAGES_KEY] = data;
}
