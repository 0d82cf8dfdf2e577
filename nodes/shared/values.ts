// Reading JSON the gateway sends (webhook events, media details): any field may be missing, null,
// or of another type than documented, and reading it must never crash.
import type { IDataObject } from 'n8n-workflow';

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): IDataObject | undefined {
	return isObject(value) ? (value as IDataObject) : undefined;
}

/** A non-empty string, or undefined. */
export function asText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** IDs may arrive as strings or as numbers (e.g. an `id` inside a button's paramsJson). */
export function asId(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return asText(value)?.trim();
}

/**
 * Numbers arrive as numbers, numeric strings (`fileLength: "84211"`) or, when the library
 * serialises a protobuf Long, as `{ low, high }`.
 */
export function asNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && value.trim() !== '') {
		const parsed = Number(value);
		return Number.isFinite(parsed) ? parsed : undefined;
	}
	const long = asObject(value);
	if (long !== undefined && typeof long.low === 'number' && typeof long.high === 'number') {
		return long.high * 2 ** 32 + (long.low >>> 0);
	}
	return undefined;
}

/**
 * A flag as gateways serialise it: `true`, `"true"`, `1`, `"1"` (and `"yes"`) are true; the
 * matching false forms, missing or anything else are false. The one reader for every flag the
 * nodes take from the gateway (`fromMe`, `ptt`, `relogin`, …), so an own message sent as
 * `"fromMe": "true"` is still known as one.
 */
export function asFlag(value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value === 1;
	if (typeof value === 'string') return /^\s*(true|1|yes)\s*$/i.test(value);
	return false;
}

/** A string's trimmed text or a number's digits; '' for anything else. */
export function textOf(value: unknown): string {
	return asId(value) ?? '';
}

/** JSON.parse without exceptions, so callers can raise their own error about the field. */
export function tryParseJson(text: string): { value: unknown } | { problem: string } {
	try {
		return { value: JSON.parse(text) };
	} catch (error) {
		return { problem: (error as Error).message };
	}
}

/** JSON text to a value, or undefined when it is not JSON. */
export function parseJson(text: string): unknown {
	const parsed = tryParseJson(text);
	return 'value' in parsed ? parsed.value : undefined;
}
