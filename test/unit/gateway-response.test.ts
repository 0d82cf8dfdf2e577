import {
	describeGatewayError,
	describeUnsentMessage,
	isMediaFetchFailure,
	extractSentMessageId,
	isAlreadyLoggedOutAnswer,
	isHtml,
	needsRescan,
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
		['the relogin flag as a string', { status: 'error', message: 'Error', relogin: 'true' }],
		['the relogin flag as a number', { status: 'error', message: 'Error', relogin: 1 }],
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
		['relogin false as a string', { status: 'error', message: 'Error', relogin: 'false' }],
		['relogin 0', { status: 'error', message: 'Error', relogin: 0 }],
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
