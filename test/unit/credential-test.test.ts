import { judgeTestAnswer } from '../../nodes/Wonotify/credential-test';

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

	it('names the Base URL and the HTTP status of an HTTP error', () => {
		expect(judgeTestAnswer(BASE, 502, '<html>Bad Gateway</html>').message).toBe(
			`The Base URL "${BASE}" answered with HTTP 502, so it is not the Wonotify API. It usually is https://wonotify.com/api (ending with /api).`,
		);
	});

	it('passes on the gateway\'s words for other errors', () => {
		expect(judgeTestAnswer(BASE, 200, '{"status":"error","message":"Cannot connect to WhatsApp server. Please try again later"}')).toEqual({
			status: 'Error',
			message: `Wonotify at "${BASE}" answered: Cannot connect to WhatsApp server. Please try again later`,
		});
	});
});
