/**
 * Bad input found before any request is sent. Pure validation code throws it with the
 * field's display name; the item loop adds the item number and turns it into an n8n error.
 */
export class InputError extends Error {
	constructor(
		readonly field: string,
		problem: string,
		readonly hint?: string,
	) {
		super(`${field}: ${problem}`);
		this.name = 'InputError';
	}
}

// WhatsApp's limits for one message: 65,536 characters of text, 1,024 of a media caption.
export const MAX_TEXT_LENGTH = 65_536;
export const MAX_CAPTION_LENGTH = 1_024;

export function requireText(field: string, value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
	if (text === '') throw new InputError(field, 'is empty', `Fill in ${field}.`);
	return text;
}

/** `text` when it fits WhatsApp's limit; the error says by how much it does not. */
export function withinLength(field: string, text: string, max: number): string {
	if (text.length <= max) return text;
	throw new InputError(
		field,
		`has ${text.length.toLocaleString('en-US')} characters; WhatsApp allows at most ${max.toLocaleString('en-US')}`,
		'Shorten it, or split it over several messages.',
	);
}

// Line breaks and other control characters in a value that becomes part of a URL or a file
// name would change what the gateway reads (a second query parameter, a broken header).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export function withoutControlCharacters(field: string, text: string): string {
	if (!CONTROL_CHARACTER.test(text)) return text;
	throw new InputError(
		field,
		`${JSON.stringify(text)} contains a line break or another control character`,
		'Remove line breaks, tabs and other invisible characters from it (an expression may have added them).',
	);
}

export function requireHttpUrl(field: string, value: unknown): string {
	const text = withoutControlCharacters(field, requireText(field, value));
	if (!URL.canParse(text)) {
		throw new InputError(field, `"${text}" is not a valid URL`, 'Use a full public address that starts with https://.');
	}
	const { protocol } = new URL(text);
	if (protocol !== 'http:' && protocol !== 'https:') {
		throw new InputError(field, `"${text}" must start with http:// or https://`, 'Use a full public address that starts with https://.');
	}
	return text;
}
