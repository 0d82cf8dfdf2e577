// Secrets (the access token, the trigger's webhook secret) taken out of every text and answer
// the nodes keep. A gateway or a proxy may echo a secret in any encoding: PHP escapes `/` as
// `\/` in JSON, error pages escape HTML, URLs percent-encode (sometimes twice), debug dumps
// use base64. Each character of a secret is matched in any of the forms it can take, so
// mixed forms (`abc\/d%2Be`) are found too.
import type { IDataObject } from 'n8n-workflow';

const MASK = '***';

// Field names whose value is a secret whatever it holds: dropped from parsed answers.
const SECRET_FIELD = /token|secret|passw|api[-_]?key|authori[sz]ation/i;

// Names HTML gives to the characters a token may hold besides letters and digits.
const NAMED_ENTITIES: Record<string, string[]> = {
	'/': ['&sol;'],
	'+': ['&plus;'],
	'=': ['&equals;'],
	'&': ['&amp;'],
	'<': ['&lt;'],
	'>': ['&gt;'],
	'"': ['&quot;'],
	"'": ['&apos;'],
	'-': ['&hyphen;', '&dash;'],
	'.': ['&period;'],
	'_': ['&lowbar;'],
	':': ['&colon;'],
	'?': ['&quest;'],
	'#': ['&num;'],
	'%': ['&percnt;'],
	'!': ['&excl;'],
	'$': ['&dollar;'],
	'*': ['&ast;'],
	'(': ['&lpar;'],
	')': ['&rpar;'],
	',': ['&comma;'],
	';': ['&semi;'],
	'@': ['&commat;'],
	'~': ['&tilde;'],
	' ': ['&nbsp;'],
};
// Characters JSON may escape with a bare backslash (`\/`, `\"`, `\\`).
const JSON_BACKSLASHED = new Set(['/', '"', '\\']);

export interface SecretMasker {
	/** The text with every secret given, in every encoding, replaced by `***`. */
	text(text: string): string;
	/**
	 * A parsed answer with the secrets masked in every string at any depth, and every field
	 * named like a secret (`access_token`, `apiKey`, …) dropped.
	 */
	answer<T>(value: T): T;
}

/**
 * One masker for a set of secrets: the pattern is built once (per request, not per text), as
 * it spells out every encoding of every character. Empty secrets are ignored (they would put
 * the mask between every character).
 */
export function secretMasker(...secrets: string[]): SecretMasker {
	const pattern = secretsPattern(secrets);
	const text = (value: string) => pattern?.apply(value) ?? value;
	const visit = (current: unknown): unknown => {
		if (typeof current === 'string') return text(current);
		if (Array.isArray(current)) return current.map(visit);
		if (typeof current !== 'object' || current === null) return current;
		const copy: IDataObject = {};
		for (const [key, inner] of Object.entries(current)) {
			if (!SECRET_FIELD.test(key)) copy[key] = visit(inner) as IDataObject[string];
		}
		return copy;
	};
	return { text, answer: <T>(value: T) => visit(value) as T };
}

export function redact(text: string, ...secrets: string[]): string {
	return secretMasker(...secrets).text(text);
}

export function redactAnswer<T>(value: T, ...secrets: string[]): T {
	return secretMasker(...secrets).answer(value);
}

function secretsPattern(secrets: string[]): { apply: (text: string) => string } | undefined {
	const forms = secrets.filter((secret) => secret !== '').flatMap((secret) => [secret, ...base64Cores(secret)]);
	if (forms.length === 0) return undefined;
	// Longest first, so a longer form is masked whole before a shorter one inside it.
	const alternatives = [...new Set(forms)].sort((a, b) => b.length - a.length).map(anyEncoding);
	const pattern = new RegExp(alternatives.join('|'), 'gi');
	return { apply: (text) => text.replace(pattern, MASK) };
}

/** A regular expression source that matches `secret` with each character in any of its forms. */
function anyEncoding(secret: string): string {
	return [...secret].map((char) => `(?:${charForms(char).join('|')})`).join('');
}

function charForms(char: string): string[] {
	const codePoint = char.codePointAt(0) as number;
	const utf8 = [...Buffer.from(char, 'utf8')].map(hex2);
	// JSON writes a character outside the Basic Multilingual Plane as two \u escapes.
	const utf16 = Array.from({ length: char.length }, (_, i) => char.charCodeAt(i).toString(16).padStart(4, '0'));
	const forms = [
		escapeRegExp(char),
		utf16.map((unit) => `\\\\u${unit}`).join(''),
		utf8.map((byte) => `%${byte}`).join(''),
		utf8.map((byte) => `%25${byte}`).join(''),
		`&#0*${codePoint};`,
		`&#x0*${codePoint.toString(16)};`,
		...(NAMED_ENTITIES[char] ?? []).map(escapeRegExp),
	];
	if (JSON_BACKSLASHED.has(char)) forms.push(`(?:\\\\|%5c)(?:${escapeRegExp(char)}|%${utf8[0]})`);
	if (char === ' ') forms.push('\\+');
	return forms;
}

/**
 * The part of the secret's base64 (and base64url) that is the same wherever the secret sits in
 * a longer encoded text: three alignments, without the characters shared with its neighbours.
 * Short cores are left out, as they could stand for anything.
 */
function base64Cores(secret: string): string[] {
	const bytes = Buffer.from(secret, 'utf8');
	const cores: string[] = [];
	for (const offset of [0, 1, 2]) {
		const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
		const start = offset === 0 ? 0 : offset + 1;
		const end = Math.floor((padded.length * 8) / 6);
		const core = padded.toString('base64').slice(start, end);
		if (core.length >= 8) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	return cores;
}

function hex2(byte: number): string {
	return byte.toString(16).padStart(2, '0');
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
