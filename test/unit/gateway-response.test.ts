import {
	describeGatewayError,
	describeUnsentMessage,
	isMediaFetchFailure,
	extractSentMessageId,
	isAlreadyLoggedOutAnswer,
	isHtml,
	needsRescan,
	redact,
} from '../../nodes/shared/gateway-response';

const QUOTA = 'The number of messages you have sent per month has exceeded the maximum limit';
const RESCAN =
	'The WhatsApp account is not connected to this instance. Use Instance → Get QR Code and scan it with the phone (WhatsApp → Linked Devices).';

describe('extractSentMessageId', () => {
	it('reads message.key.id from a send answer as documented', () => {
		const response = JSON.parse(
			'{"status":"success","message":{"key":{"remoteJid":"919876543210@s.whatsapp.net","fromMe":true,"id":"3EB0A1B2C3D4E5F60718"},' +
				'"message":{"extendedTextMessage":{"text":"Hello"}},"messageTimestamp":"1735689600","status":"SUCCESS"}}',
		);
		expect(extractSentMessageId(response)).toBe('3EB0A1B2C3D4E5F60718');
	});

	it('accepts data.key.id too', () => {
		expect(extractSentMessageId({ status: 'success', data: { key: { id: 'ABC123' } } })).toBe('ABC123');
	});

	it('prefers message.key.id over data.key.id', () => {
		expect(extractSentMessageId({ message: { key: { id: 'FROM_MESSAGE' } }, data: { key: { id: 'FROM_DATA' } } })).toBe('FROM_MESSAGE');
	});

	it('falls back to data.key.id when message is text', () => {
		expect(extractSentMessageId({ message: 'Success', data: { key: { id: 'FROM_DATA' } } })).toBe('FROM_DATA');
	});

	it.each([
		['success without a message', { status: 'success' }],
		['the quota text', { status: 'success', message: QUOTA }],
		['a message without a key', { status: 'success', message: { status: 'PENDING' } }],
		['a key without an ID', { status: 'success', message: { key: { remoteJid: '919876543210@s.whatsapp.net' } } }],
		['an empty ID', { status: 'success', message: { key: { id: '' } } }],
		['a numeric ID', { status: 'success', message: { key: { id: 123 } } }],
		['a null key', { status: 'success', message: { key: null } }],
		['a null message and data', { status: 'success', message: null, data: null }],
		['an array message', { status: 'success', message: [{ key: { id: 'X' } }] }],
	])('gives undefined for %s', (_label, response) => {
		expect(extractSentMessageId(response as never)).toBeUndefined();
	});
});

describe('isHtml', () => {
	it.each(['<!DOCTYPE html><html></html>', '<html><body>502 Bad Gateway</body></html>', '\n  <h1>Not Found</h1>'])(
		'recognises %j',
		(text) => {
			expect(isHtml(text)).toBe(true);
		},
	);

	it.each(['{"status":"success"}', 'Success', 'Logged out', '', 'a <b>bold</b> answer'])('does not flag %j', (text) => {
		expect(isHtml(text)).toBe(false);
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

describe('describeGatewayError', () => {
	it.each([
		['Access token is required', 'Check the Access Token in your Wonotify API credential.'],
		['Access token does not exist', 'Check the Access Token in your Wonotify API credential.'],
		['Instance ID is required', 'Set the Instance ID in the node, or a Default Instance ID in the credential.'],
		['Instance ID Invalidated', /no longer valid: an unscanned QR code expires after about 5 minutes, and Reset gives the instance a new ID/],
		['Instance ID has been used', /no longer valid/],
		['This instance ID has not been activated yet', RESCAN],
		['This WhatsApp account relogin required', RESCAN],
		['This account seems to have logged out before.', RESCAN],
		[QUOTA, "Your Wonotify plan's monthly message limit is reached. Upgrade the plan or wait for the next month."],
		['Cannot connect to WhatsApp server. Please try again later', 'WhatsApp or Wonotify is having trouble. Try again in a few minutes.'],
		['Webhook URL is not a valid URL', 'Use a full public address that starts with https://.'],
	])('explains %j', (said, advice) => {
		const { message, description } = describeGatewayError({ status: 'error', message: said });
		expect(message).toBe(`Wonotify: ${said}`);
		if (typeof advice === 'string') expect(description).toBe(advice);
		else expect(description).toMatch(advice);
	});

	it.each(['Phone number is required', 'Please enter media url or message', 'Something new'])(
		'passes on %j with a neutral description',
		(said) => {
			expect(describeGatewayError({ status: 'error', message: said })).toEqual({
				message: `Wonotify: ${said}`,
				description: 'This is the message the Wonotify gateway gave.',
			});
		},
	);

	it('trims the gateway message', () => {
		expect(describeGatewayError({ status: 'error', message: '  Instance ID is required\n' }).message).toBe('Wonotify: Instance ID is required');
	});

	it('asks for a new QR scan when the gateway says relogin, whatever the message', () => {
		expect(describeGatewayError({ status: 'error', message: 'Error', relogin: true })).toEqual({
			message: 'The WhatsApp account needs to scan the QR code again',
			description: RESCAN,
		});
	});

	it('shows the raw answer when the gateway gives no message', () => {
		const { message, description } = describeGatewayError({ status: 'error', code: 42 });
		expect(message).toBe('Wonotify reported an error without saying why');
		expect(description).toBe('The gateway answered: {"status":"error","code":42}');
	});

	it('treats an empty or non-text message as no message, and cuts the raw answer to 300 characters', () => {
		expect(describeGatewayError({ status: 'failed', message: '   ' }).message).toBe('Wonotify reported an error without saying why');
		const { message, description } = describeGatewayError({ status: 'error', message: { detail: 'x'.repeat(1000) } });
		expect(message).toBe('Wonotify reported an error without saying why');
		expect(description.length).toBe('The gateway answered: '.length + 300);
	});
});

describe('describeUnsentMessage', () => {
	it('explains the monthly quota answer', () => {
		expect(describeUnsentMessage({ status: 'success', message: QUOTA })).toEqual({
			message: `Wonotify did not send the message: ${QUOTA}`,
			description: "Your Wonotify plan's monthly message limit is reached. Upgrade the plan or wait for the next month.",
		});
	});

	it('gives advice for a known error worded as a success', () => {
		expect(describeUnsentMessage({ status: 'success', message: 'This WhatsApp account relogin required' }).description).toBe(RESCAN);
	});

	it('passes on an unknown message', () => {
		expect(describeUnsentMessage({ status: 'success', message: 'Queued' })).toEqual({
			message: 'Wonotify did not send the message: Queued',
			description: 'The gateway answered "success" but returned no message ID.',
		});
	});

	it.each([
		['no message', { status: 'success' }],
		['an empty message', { status: 'success', message: '' }],
		['a message object without a key', { status: 'success', message: { status: 'ERROR' } }],
	])('explains a bare success with %s', (_label, response) => {
		expect(describeUnsentMessage(response)).toEqual({
			message: 'Wonotify did not send the message',
			description:
				'The gateway answered "success" but returned no message ID, so nothing was sent. Check that the instance is connected and that the message content is valid.',
		});
	});
});

describe('needsRescan', () => {
	it.each([
		['Reconnect\'s documented answer', { status: 'error', message: 'Error', relogin: true }],
		['"relogin required"', { status: 'error', message: 'This WhatsApp account relogin required' }],
		['a never scanned instance', { status: 'error', message: 'This instance ID has not been activated yet' }],
		['a logged-out account', { status: 'error', message: 'This account seems to have logged out before.' }],
		['the words in a "success" without a message ID', { status: 'success', message: 'This WhatsApp account relogin required' }],
	])('recognises %s', (_label, response) => {
		expect(needsRescan(response)).toBe(true);
	});

	it.each([
		['another error', { status: 'error', message: 'Instance ID Invalidated' }],
		['an expired QR code', { status: 'error', message: 'Instance ID has been used' }],
		['relogin as a string', { status: 'error', message: 'Error', relogin: 'true' }],
		['a bare error', { status: 'error', message: 'Error' }],
	])('does not take %s for it', (_label, response) => {
		expect(needsRescan(response)).toBe(false);
	});

	it('is what the errors\' advice goes by: every answer it recognises gets the rescan advice', () => {
		for (const response of [
			{ status: 'error', message: 'Error', relogin: true },
			{ status: 'error', message: 'This instance ID has not been activated yet' },
			{ status: 'error', message: 'This account seems to have logged out before.' },
			{ status: 'error', message: 'This WhatsApp account relogin required' },
		]) {
			expect([needsRescan(response), describeGatewayError(response).description]).toEqual([true, RESCAN]);
		}
	});
});

describe('isAlreadyLoggedOutAnswer', () => {
	it('recognises the documented message, as JSON or as plain text', () => {
		expect(isAlreadyLoggedOutAnswer({ status: 'error', message: 'This account seems to have logged out before.' })).toBe(true);
		expect(isAlreadyLoggedOutAnswer({ status: 'success', message: 'This account seems to have logged out before.' })).toBe(true);
	});

	it.each([{ status: 'success', message: 'Success' }, { status: 'error', message: 'This WhatsApp account relogin required' }, { status: 'error' }])(
		'does not take %j for it',
		(response) => {
			expect(isAlreadyLoggedOutAnswer(response)).toBe(false);
		},
	);
});

describe('isMediaFetchFailure', () => {
	test.each([
		'Failed to fetch stream from https://n8n.example.com/rest/binary-data/signed?token=***',
		'fetch failed',
		'Could not download media',
		'Media URL is invalid',
		'Unable to get the file: timed out',
	])('"%s" says the media could not be fetched', (said) => {
		expect(isMediaFetchFailure({ status: 'error', message: said })).toBe(true);
	});

	test.each(['Please enter media url or message', 'Access token does not exist', 'Error', ''])('"%s" does not', (said) => {
		expect(isMediaFetchFailure({ status: 'error', message: said })).toBe(false);
	});
});
