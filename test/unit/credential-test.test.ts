import { judgeTestAnswer } from '../../nodes/shared/credential-test';
import { describeConnectionFailure } from '../../nodes/shared/failure-wording';

const BASE = 'https://wonotify.com/api';
const OK = { status: 'OK', message: 'Connection successful!' };

describe('judgeTestAnswer: get_qrcode without an instance', () => {
	it.each([
		['the documented answer', '{"status":"error","message":"Instance ID is required"}'],
		['another instance complaint (the token was accepted)', '{"status":"error","message":"Instance ID Invalidated"}'],
		['an already parsed body', { status: 'error', message: 'Instance ID is required' }],
	])('passes on %s', (_label, body) => {
		expect(judgeTestAnswer(BASE, 200, body)).toEqual(OK);
	});

	it.each([
		['Access token does not exist', /does not know this access token/],
		['Access token is required', /received no access token/],
	])('names the token on "%s"', (message, expected) => {
		const result = judgeTestAnswer(BASE, 200, JSON.stringify({ status: 'error', message }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(expected);
	});

	it.each([
		['a web page', '<!DOCTYPE html><html><body>Wonotify — WhatsApp marketing</body></html>', /answered with a web page/],
		['JSON of another API', '{"ok":true}', /did not answer like the Wonotify API/],
		['a JSON list', '[]', /did not answer like the Wonotify API/],
		['plain text', 'Success', /did not answer like the Wonotify API/],
		['an empty answer', '', /did not answer like the Wonotify API/],
		['success without an instance', '{"status":"success","message":"Success"}', /did not answer like the Wonotify API/],
	])('names the Base URL on %s', (_label, body, expected) => {
		const result = judgeTestAnswer(BASE, 200, body);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(expected);
		expect(result.message).toContain(`"${BASE}"`);
	});

	it.each([301, 400, 401, 403, 404, 405])('names the Base URL as wrong on HTTP %i', (statusCode) => {
		expect(judgeTestAnswer(BASE, statusCode, '<html>Not here</html>')).toEqual({
			status: 'Error',
			message: `The Base URL "${BASE}" answered with HTTP ${statusCode}, so it is not the Wonotify API. It usually is https://wonotify.com/api (ending with /api).`,
		});
	});

	// 502/521/522: what Cloudflare or a proxy answers while the server behind it is down.
	it.each([429, 500, 502, 503, 504, 521, 522])('says the server is down or busy on HTTP %i, without blaming the Base URL', (statusCode) => {
		expect(judgeTestAnswer(BASE, statusCode, '<html>Bad Gateway</html>')).toEqual({
			status: 'Error',
			message: `The Base URL "${BASE}" answered with HTTP ${statusCode}. Wonotify, or the server at the Base URL, seems to be down or busy. Try again in a few minutes.`,
		});
	});

	it('passes on the gateway\'s words for other errors', () => {
		expect(judgeTestAnswer(BASE, 200, '{"status":"error","message":"Cannot connect to WhatsApp server. Please try again later"}')).toEqual({
			status: 'Error',
			message: `Wonotify at "${BASE}" answered: Cannot connect to WhatsApp server. Please try again later`,
		});
	});
});

describe('describeConnectionFailure, as the credential test words it', () => {
	const where = `the Base URL "${BASE}"`;

	it('a timeout: the server may be down, without the node\'s Timeout option', () => {
		expect(describeConnectionFailure('ETIMEDOUT', { where, timeoutSeconds: 30, hasTimeoutOption: false })).toEqual({
			message: `The Base URL "${BASE}" did not answer within 30 seconds`,
			description: 'Wonotify may be slow or down. Try again later, and check the Base URL if it keeps happening.',
		});
	});

	it('the node mentions its Timeout option, and counts one second in the singular', () => {
		const { message, description } = describeConnectionFailure('ECONNABORTED', {
			where: 'the Wonotify server at wonotify.com',
			timeoutSeconds: 1,
			hasTimeoutOption: true,
		});
		expect(message).toBe('The Wonotify server at wonotify.com did not answer within 1 second');
		expect(description).toMatch(/raise the Timeout option/);
	});

	it.each([
		['ENOTFOUND', 'the host name does not exist'],
		['ECONNREFUSED', 'nothing answers at that address'],
	])('%s: in words, not the code', (code, reason) => {
		expect(describeConnectionFailure(code, { where, timeoutSeconds: 30, hasTimeoutOption: false }).message).toBe(
			`Could not connect to the Base URL "${BASE}": ${reason}`,
		);
	});
});
