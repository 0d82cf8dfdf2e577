'use strict';
// Reading requests and writing answers, the way the gateway (a PHP panel) does it.

// Nothing the client sends comes near this; it only stops a runaway upload.
const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(Object.assign(new Error('Request body too large'), { statusCode: 413 }));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** JSON when it parses, a form when it says so, else the raw text; undefined when empty. */
function parseBody(raw, contentType = '') {
	if (raw === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		if (contentType.includes('application/x-www-form-urlencoded')) return searchParamsObject(new URLSearchParams(raw));
		return raw;
	}
}

/** Like PHP's $_GET: a repeated key keeps its last value. */
function searchParamsObject(params) {
	return Object.fromEntries(params);
}

// Every gateway answer is sent as text/html, JSON or not: the client must not trust the header.
function sendGateway(res, statusCode, body) {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	res.writeHead(statusCode, {
		'Content-Type': 'text/html; charset=UTF-8',
		'Content-Length': Buffer.byteLength(text),
	});
	res.end(text);
}

/** The /__sim/ control endpoints are ours, so they speak plain JSON. */
function sendJson(res, statusCode, value) {
	const text = JSON.stringify(value, null, 2);
	res.writeHead(statusCode, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

module.exports = { readBody, parseBody, searchParamsObject, sendGateway, sendJson };
