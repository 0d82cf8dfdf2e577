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

export function requireText(field: string, value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
	if (text === '') throw new InputError(field, 'is empty', `Fill in ${field}.`);
	return text;
}

export function requireHttpUrl(field: string, value: unknown): string {
	const text = requireText(field, value);
	if (!URL.canParse(text)) {
		throw new InputError(field, `"${text}" is not a valid URL`, 'Use a full public address that starts with https://.');
	}
	const { protocol } = new URL(text);
	if (protocol !== 'http:' && protocol !== 'https:') {
		throw new InputError(field, `"${text}" must start with http:// or https://`, 'Use a full public address that starts with https://.');
	}
	return text;
}
