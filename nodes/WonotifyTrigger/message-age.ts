// Replays: after a reconnect the gateway delivers what arrived while the session was offline,
// as messages.upsert with old timestamps. An auto-reply that answers hours-old messages in a
// burst looks like spam to WhatsApp. A message's own timestamp, compared with when it
// arrives, tells a replay from a new message.
import { asNumber } from '../shared/values';

/**
 * How far ahead of n8n's clock a timestamp may be: clocks drift, and WhatsApp's servers stamp
 * the message, not the phone. Further ahead, the clocks disagree too much for the age to mean
 * anything, and the message is ignored with a reason that points at the clock.
 */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Above this a timestamp is taken as milliseconds: as seconds it would lie thousands of years ahead. */
const LARGEST_SECONDS = 100_000_000_000;

/** A message's timestamp in milliseconds: Unix seconds as a number, a string or a protobuf Long; undefined when unreadable. */
export function messageTimeMs(timestamp: unknown): number | undefined {
	const value = asNumber(timestamp);
	if (value === undefined || value <= 0) return undefined;
	return value > LARGEST_SECONDS ? value : value * 1000;
}

/**
 * Why a message is too old (or too far ahead) to start the workflow, or undefined to keep it.
 * `maxAgeMinutes` 0 turns the check off; a message without a readable timestamp is kept.
 */
export function messageAgeProblem(timestamp: unknown, receivedAtMs: number, maxAgeMinutes: number): string | undefined {
	if (!(maxAgeMinutes > 0)) return undefined;
	const sentAtMs = messageTimeMs(timestamp);
	if (sentAtMs === undefined) return undefined;
	const ageMs = receivedAtMs - sentAtMs;
	if (ageMs > maxAgeMinutes * 60_000) return `message older than ${plural(maxAgeMinutes, 'minute')}`;
	if (-ageMs > FUTURE_TOLERANCE_MS) return "message dated ahead of n8n's clock (check the server's clock)";
	return undefined;
}

function plural(count: number, unit: string): string {
	return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
