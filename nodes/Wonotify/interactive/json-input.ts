import { InputError } from '../../shared/input-error';
import { tryParseJson } from '../../shared/values';

/** Parses a JSON parameter (n8n may hand it over already parsed) and expects an array. */
export function parseJsonArray(field: string, value: unknown): unknown[] {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') throw new InputError(field, 'is empty', `Fill in ${field} with a JSON array.`);
		const result = tryParseJson(value);
		if ('problem' in result) {
			throw new InputError(field, `is not valid JSON (${result.problem})`, 'Check quotes, commas and brackets.');
		}
		parsed = result.value;
	}
	if (!Array.isArray(parsed)) throw new InputError(field, 'must be a JSON array ([ … ])');
	return parsed;
}

export function checkCount(field: string, count: number, min: number, max: number, what: string): void {
	if (count === 0) throw new InputError(field, `has no ${what}; add at least one`);
	if (count < min) throw new InputError(field, `needs at least ${min} ${what}`);
	if (count > max) throw new InputError(field, `has ${count} ${what}; WhatsApp allows at most ${max}`);
}

export function checkUnique(field: string, ids: string[], what: string): void {
	const seen = new Set<string>();
	for (const id of ids) {
		if (seen.has(id)) throw new InputError(field, `${what} "${id}" is used twice; each must be unique`);
		seen.add(id);
	}
}
