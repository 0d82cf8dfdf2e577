// Sends several messages at once without breaking what users rely on: messages to the same
// chat leave one after another in input order, the Delay Between Messages spaces every start
// (WhatsApp's anti-spam counts messages per account, not per chat), and after a failure that
// stops the node nothing new starts.
import { sleep } from 'n8n-workflow';

export interface SendQueueOptions {
	/** At most this many sends in flight. */
	concurrency: number;
	/** At least this long between two starts. */
	delayMs: number;
	/** Checked before each start: true stops starting (what is in flight finishes). */
	stopped: () => boolean;
}

/**
 * Calls `send(index)` once for every item to send. `keys[index]` is the item's chat (its
 * order key), `null` for an item that is not sent. `send` must not reject: it records its
 * own outcome.
 */
export async function runSendQueue(
	keys: Array<string | null>,
	send: (index: number) => Promise<void>,
	{ concurrency, delayMs, stopped }: SendQueueOptions,
): Promise<void> {
	const pending = keys.flatMap((key, index) => (key === null ? [] : [index]));
	const inFlight = new Map<number, Promise<void>>();
	const busyChats = new Set<string>();
	let nextStartAt = 0;

	while (pending.length > 0 || inFlight.size > 0) {
		while (!stopped() && inFlight.size < concurrency) {
			// The first pending item whose chat is free is also the earliest of its chat.
			const position = pending.findIndex((index) => !busyChats.has(keys[index] as string));
			if (position === -1) break;
			const wait = nextStartAt - Date.now();
			if (wait > 0) await sleep(wait);
			if (stopped()) break;
			const [index] = pending.splice(position, 1);
			const chat = keys[index] as string;
			nextStartAt = Date.now() + delayMs;
			busyChats.add(chat);
			inFlight.set(
				index,
				send(index).finally(() => {
					busyChats.delete(chat);
					inFlight.delete(index);
				}),
			);
		}
		if (stopped()) pending.length = 0;
		if (inFlight.size > 0) await Promise.race(inFlight.values());
	}
}
