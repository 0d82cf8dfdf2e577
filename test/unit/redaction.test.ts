import { redact, redactAnswer } from '../../nodes/shared/redaction';

// Tokens with every character that encodings change, and non-ASCII (two-byte, three-byte and
// a character outside the Basic Multilingual Plane, written as a surrogate pair in JSON).
const AWKWARD_TOKENS = ['wt/9f+3c=1e&7a<5b>2d', 'tök€n/+=&<>😀-x9Z'];

// Each encoding written here with the platform's own functions, not with redaction's code.
const htmlEscape = (text: string, entity: (char: string) => string) =>
	[...text].map((char) => (/[A-Za-z0-9]/.test(char) ? char : entity(char))).join('');
const NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '/': '&sol;', '+': '&plus;', '=': '&equals;' };
const ENCODINGS: Array<[string, (secret: string) => string]> = [
	['raw', (s) => s],
	['JSON-escaped', (s) => JSON.stringify(s).slice(1, -1)],
	['JSON-escaped the PHP way (\\/ and \\uXXXX)', (s) =>
		JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/').replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)],
	['every character as \\u00XX', (s) => s.split('').map((u) => `\\u${u.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join('')],
	['URL-encoded', encodeURIComponent],
	['form-encoded', (s) => new URLSearchParams({ s }).toString().slice(2)],
	['URL-encoded twice', (s) => encodeURIComponent(encodeURIComponent(s))],
	['URL-encoded after JSON escaping', (s) => encodeURIComponent(JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/'))],
	['HTML named entities', (s) => htmlEscape(s, (c) => NAMED[c] ?? c)],
	['HTML decimal entities', (s) => htmlEscape(s, (c) => `&#${c.codePointAt(0)};`)],
	['HTML hex entities', (s) => htmlEscape(s, (c) => `&#x${(c.codePointAt(0) as number).toString(16).toUpperCase()};`)],
];

describe('redact: every form a token can take', () => {
	describe.each(AWKWARD_TOKENS)('token %s', (token) => {
		it.each(ENCODINGS)('%s', (_label, encode) => {
			const written = encode(token);
			const redacted = redact(`before ${written} after`, token);
			expect(redacted).toBe('before *** after');
		});

		it.each([0, 1, 2])('base64 inside a longer base64 text, %i bytes before it', (before) => {
			const text = `${'x'.repeat(before)}${token}`;
			for (const encoded of [Buffer.from(text).toString('base64'), Buffer.from(text).toString('base64url')]) {
				const redacted = redact(encoded, token);
				// What is left are the few characters shared with the bytes next to the token.
				expect(redacted).toMatch(/^.{0,4}\*\*\*.{0,3}$/);
			}
		});
	});

	it('masks a token in mixed forms within one string', () => {
		expect(redact('a=wt\\/9f%2B3c&#61;1e&amp;7a&lt;5b&#x3E;2d;', AWKWARD_TOKENS[0])).toBe('a=***;');
	});
});

describe('redactAnswer', () => {
	const token = AWKWARD_TOKENS[0];

	it('masks the token in every string at any depth and drops fields named like a secret', () => {
		const answer = {
			status: 'success',
			message: { key: { id: '3EB0A1', remoteJid: '919876543210@s.whatsapp.net' }, note: `echo ${token}` },
			debug: { access_token: 'anything', accessToken: 'x', apiKey: 'y', list: [token, { deeper: `u=${encodeURIComponent(token)}` }] },
		};
		expect(redactAnswer(answer, token)).toEqual({
			status: 'success',
			message: { key: { id: '3EB0A1', remoteJid: '919876543210@s.whatsapp.net' }, note: 'echo ***' },
			debug: { list: ['***', { deeper: 'u=***' }] },
		});
	});

	it('keeps an answer without secrets as it is', () => {
		const answer = { status: 'success', message: 'Success', data: { id: '91:12@s.whatsapp.net', count: 3, ok: true, none: null } };
		expect(redactAnswer(answer, token)).toEqual(answer);
	});
});

describe('redact', () => {
	const SAMPLE = '6a1f0c9e8b7d4a3f2e1d0c9b8a7f6e5d';

	it('removes the token from a URL query string', () => {
		expect(redact(`https://wonotify.com/api/send?instance_id=609ACF283XXXX&access_token=${SAMPLE}`, SAMPLE)).toBe(
			'https://wonotify.com/api/send?instance_id=609ACF283XXXX&access_token=***',
		);
	});

	it('removes every occurrence, e.g. in a JSON body', () => {
		const body = JSON.stringify({ access_token: SAMPLE, number: '919876543210', message: `token is ${SAMPLE}` });
		const redacted = redact(body, SAMPLE);
		expect(redacted).not.toContain(SAMPLE);
		expect(JSON.parse(redacted)).toEqual({ access_token: '***', number: '919876543210', message: 'token is ***' });
	});

	it('removes the URL-encoded form of a token with special characters', () => {
		const token = 'ab+c/d=e&f g';
		const encoded = encodeURIComponent(token);
		expect(encoded).toBe('ab%2Bc%2Fd%3De%26f%20g');
		const text = `GET /api/reboot?access_token=${encoded} failed; body {"access_token":"${token}"}`;
		const redacted = redact(text, token);
		expect(redacted).toBe('GET /api/reboot?access_token=*** failed; body {"access_token":"***"}');
	});

	it('removes the token from strings nested in an error object once it is serialised', () => {
		const error = {
			message: 'Request failed',
			cause: {
				message: `connect ECONNREFUSED for https://wonotify.com/api/send?access_token=${SAMPLE}`,
				config: { data: `{"access_token":"${SAMPLE}"}` },
			},
		};
		const redacted = redact(JSON.stringify(error), SAMPLE);
		expect(redacted).not.toContain(SAMPLE);
		expect(JSON.parse(redacted)).toEqual({
			message: 'Request failed',
			cause: {
				message: 'connect ECONNREFUSED for https://wonotify.com/api/send?access_token=***',
				config: { data: '{"access_token":"***"}' },
			},
		});
	});

	it('leaves text without the token alone', () => {
		expect(redact('Instance ID Invalidated', SAMPLE)).toBe('Instance ID Invalidated');
	});

	it('leaves the text alone when there is no token (instead of replacing between every character)', () => {
		expect(redact('access_token=abc', '')).toBe('access_token=abc');
	});

	it('removes other secrets given, e.g. the webhook secret inside a URL that is itself a query parameter', () => {
		const webhookSample = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4';
		const webhookUrl = `https://n8n.example.com/webhook/abc/webhook?secret=${webhookSample}`;
		const query = new URLSearchParams({ webhook_url: webhookUrl, access_token: SAMPLE }).toString();
		const page = `<p>URL: /api/set_webhook?${query}</p><p>Decoded: ${decodeURIComponent(query)}</p>`;
		const redacted = redact(page, SAMPLE, webhookSample);
		expect(redacted).not.toContain(webhookSample);
		expect(redacted).not.toContain(SAMPLE);
		expect(redacted).toContain('webhook_url=https%3A%2F%2Fn8n.example.com%2Fwebhook%2Fabc%2Fwebhook%3Fsecret%3D***');
	});

	it.each([
		['as typed', (secret: string) => secret],
		['URL-encoded', (secret: string) => encodeURIComponent(secret)],
		['form-encoded (spaces as +)', (secret: string) => new URLSearchParams({ s: secret }).toString().slice(2)],
		['URL-encoded twice (a URL in a query parameter, itself in a URL)', (secret: string) => encodeURIComponent(encodeURIComponent(secret))],
		['escaped inside JSON', (secret: string) => JSON.stringify(secret).slice(1, -1)],
	])('removes a secret written %s', (_label, write) => {
		const secret = 'se cr+et/"x"%&=';
		expect(redact(`before ${write(secret)} after`, SAMPLE, secret)).toBe('before *** after');
	});

	it('ignores an empty extra secret', () => {
		expect(redact('Instance ID Invalidated', SAMPLE, '')).toBe('Instance ID Invalidated');
	});
});
