/** WhatsApp timestamps are Unix seconds, as a number or a string; missing means "now". */
export function toIsoTimestamp(value: unknown): string {
	const seconds = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : NaN;
	const date = Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : new Date();
	return date.toISOString();
}
