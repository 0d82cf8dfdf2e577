'use strict';
// Failures injected with failNext(): the ways the real gateway, or a proxy in front of it,
// lets a client down. Each one answers in place of the normal route.
const { sendGateway } = require('./http-io');
const { echoedTokenError } = require('./token-echo');

const QUOTA_MESSAGE = 'The number of messages you have sent per month has exceeded the maximum limit';
const MAX_RULES = 1000;

/** Queued rules, first in first out; a rule with a path only matches that endpoint. */
function createFailures() {
	const rules = [];
	return {
		add(kind, { count = 1, path } = {}) {
			if (!KINDS.includes(kind)) throw new TypeError(`Unknown failure kind "${kind}"; use one of ${KINDS.join(', ')}`);
			if (!Number.isInteger(count) || count < 1) throw new TypeError(`count must be a whole number >= 1, got ${count}`);
			if (rules.length >= MAX_RULES) throw new Error(`At most ${MAX_RULES} failure rules can wait at once`);
			rules.push({ kind, count, path: path === undefined || path === null ? undefined : normalizePath(path) });
		},
		/** The failure the request to `path` must suffer, if any; uses up one count of its rule. */
		take(path) {
			const index = rules.findIndex((rule) => rule.path === undefined || rule.path === path);
			if (index === -1) return undefined;
			const rule = rules[index];
			rule.count -= 1;
			if (rule.count === 0) rules.splice(index, 1);
			return rule.kind;
		},
		pending: () => rules.map((rule) => ({ ...rule })),
		clear: () => {
			rules.length = 0;
		},
	};
}

/** `send`, `/send` and `/api/send` all mean the endpoint `/send`. */
function normalizePath(path) {
	const withSlash = `/${String(path).replace(/^\/+/, '')}`;
	return withSlash.replace(/^\/api(?=\/)/, '');
}

// How each kind answers in place of the route. `hang` answers nothing: the request waits
// until the client gives up or close() destroys every connection. `reset` drops the
// connection without an answer.
const ANSWERS = {
	http500: ({ res }) => sendGateway(res, 500, htmlPage('500 Internal Server Error', '<p>The server encountered an internal error.</p>')),
	http502: ({ res }) => sendGateway(res, 502, htmlPage('502 Bad Gateway', '<hr><center>nginx</center>')),
	nonJson: ({ req, res, rawBody }) => sendGateway(res, 200, debugPage(req, rawBody)),
	error: ({ res }) =>
		sendGateway(res, 200, { status: 'error', message: 'Cannot connect to WhatsApp server. Please try again later' }),
	silentFail: ({ res }) => sendGateway(res, 200, { status: 'success' }),
	quota: ({ res }) => sendGateway(res, 200, { status: 'success', message: QUOTA_MESSAGE }),
	plainText: ({ res }) => sendGateway(res, 200, 'Success'),
	// The token echoed back in every encoding, in a JSON error (HTTP 200) or an HTML page (403).
	echoTokenError: ({ token, res }) => sendGateway(res, 200, echoedTokenError(token, { page: false })),
	echoTokenPage: ({ token, res }) => sendGateway(res, 403, echoedTokenError(token, { page: true })),
	hang: () => undefined,
	reset: ({ req }) => req.socket.destroy(),
};
// `echoToken` is no failure: the route answers as usual, with the token echoed in a debug
// block (api.js).
const KINDS = [...Object.keys(ANSWERS), 'echoToken'];

function answerFailure(kind, exchange) {
	ANSWERS[kind](exchange);
}

function htmlPage(title, body) {
	return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n${body}\r\n</body>\r\n</html>\r\n`;
}

// A framework error page that prints the request as it came, access token included, on
// purpose and unescaped: the client must redact the token before showing any of it.
function debugPage(req, rawBody) {
	const fullUrl = `http://${req.headers.host}${req.url}`;
	return htmlPage(
		'An uncaught Exception was encountered',
		`<p>Type: ErrorException</p>\r\n<p>Message: Undefined index: data</p>\r\n<p>URL: ${fullUrl}</p>\r\n<p>Request body: ${rawBody}</p>`,
	);
}

module.exports = { createFailures, answerFailure, normalizePath, QUOTA_MESSAGE };
