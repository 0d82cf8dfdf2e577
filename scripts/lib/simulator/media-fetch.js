'use strict';
// What the gateway does with a media send's media_url before it answers: it downloads the
// file (the WhatsApp Web library under it, Baileys, streams it to WhatsApp). The simulator
// does the same for addresses on this machine, streaming and hashing the file without
// keeping it, so tests can check the bytes by size and SHA-256. Other hosts are not fetched:
// the simulator reaches only 127.0.0.1.
const http = require('node:http');
const { createHash } = require('node:crypto');

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
const TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 3;
// Far above anything a test sends; it only stops a runaway download.
const MAX_BYTES = 1024 * 1024 * 1024;

/**
 * How the gateway answers a media URL it could not download: Baileys' own words, which
 * gateways that pass errors on (Evolution API, for one) show as they are.
 */
function fetchFailedAnswer(mediaUrl) {
	return { status: 'error', message: `Failed to fetch stream from ${mediaUrl}` };
}

function isLocal(mediaUrl) {
	try {
		const url = new URL(mediaUrl);
		return url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
	} catch {
		return false;
	}
}

/**
 * Downloads a local media URL. Resolves
 * `{ ok: true, url, size, sha256, contentType, fileName }` or `{ ok: false, url, statusCode?, error }`;
 * `{ skipped: true, url }` for an address not on this machine. Never rejects.
 */
function fetchMedia(mediaUrl) {
	if (!isLocal(mediaUrl)) return Promise.resolve({ skipped: true, url: mediaUrl });
	return get(mediaUrl, MAX_REDIRECTS);
}

function get(mediaUrl, redirectsLeft) {
	return new Promise((resolve) => {
		const done = (result) => resolve({ url: mediaUrl, ...result });
		const request = http.get(mediaUrl, { timeout: TIMEOUT_MS }, (response) => {
			const { statusCode = 0, headers } = response;
			if (statusCode >= 300 && statusCode < 400 && headers.location && redirectsLeft > 0) {
				response.resume();
				const next = new URL(headers.location, mediaUrl).toString();
				if (!isLocal(next)) return done({ ok: false, statusCode, error: `redirected away from this machine, to ${next}` });
				return get(next, redirectsLeft - 1).then(resolve);
			}
			if (statusCode !== 200) {
				response.resume();
				return done({ ok: false, statusCode, error: `HTTP ${statusCode}` });
			}
			const hash = createHash('sha256');
			let size = 0;
			response.on('data', (chunk) => {
				size += chunk.length;
				if (size > MAX_BYTES) {
					request.destroy(new Error('file too large'));
					return;
				}
				hash.update(chunk);
			});
			response.on('end', () =>
				done({
					ok: true,
					size,
					sha256: hash.digest('hex'),
					contentType: headers['content-type'] ?? null,
					fileName: fileNameOf(headers['content-disposition']) ?? lastPathSegment(mediaUrl),
				}),
			);
			response.on('error', (error) => done({ ok: false, statusCode, error: error.message }));
		});
		request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
		request.on('error', (error) => done({ ok: false, error: error.message }));
	});
}

/** The file name of a Content-Disposition header (RFC 6266: filename* first). */
function fileNameOf(disposition) {
	if (typeof disposition !== 'string') return undefined;
	const extended = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim());
		} catch {
			// fall through to the plain form
		}
	}
	const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition);
	if (!plain) return undefined;
	// n8n writes the name URL-encoded inside the quotes.
	const name = (plain[1] ?? plain[2]).trim();
	try {
		return decodeURIComponent(name);
	} catch {
		return name;
	}
}

function lastPathSegment(mediaUrl) {
	try {
		return decodeURIComponent(new URL(mediaUrl).pathname.split('/').pop() ?? '') || null;
	} catch {
		return null;
	}
}

module.exports = { fetchMedia, fetchFailedAnswer, fileNameOf };
