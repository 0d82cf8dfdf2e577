// Fetches a message's encrypted file from WhatsApp's CDN, checks and decrypts it, and hands
// it to n8n's binary storage. Nothing is fetched from a host that is not WhatsApp's (or one
// the user allowed), or when the announced size is over the limit; the limit also holds for
// the bytes as they arrive.
import type { IBinaryData, IExecuteFunctions, IN8nHttpFullResponse, IWebhookFunctions } from 'n8n-workflow';

import { errorCode, isTimeoutCode, networkReason } from '../failure-wording';
import { settle } from '../settle';
import { EncryptedMediaReader } from './decrypt';
import { MAC_BYTES, expandMediaKey } from './keys';
import { MediaError } from './media-error';
import { baseMimeType, mediaFileName } from './file-name';
import { isWhatsAppHostname, type MediaReference } from './reference';

export interface MediaDownloadOptions {
	/** Largest plain file to download, in bytes. */
	maxBytes: number;
	/** Hosts besides WhatsApp's CDN: `host`, `host:port` or `*.domain`. */
	allowedHosts: string[];
	timeoutSeconds: number;
}

/** AES-CBC pads to a 16-byte block, and the MAC follows. */
const ENCRYPTION_OVERHEAD = 16 + MAC_BYTES;
const EXPIRED_STATUSES = new Set([403, 404, 410]);

/** The checks that need no request; throws MediaError. */
export function checkBeforeDownload(reference: MediaReference, options: MediaDownloadOptions): void {
	const url = new URL(reference.url);
	if (!isAllowedHost(url, options.allowedHosts)) {
		throw new MediaError(
			`The media URL's host ${url.host} is not WhatsApp's (*.whatsapp.net over https), so nothing was fetched`,
			`If your gateway serves media from another host, or you are trying the Wonotify simulator, add ${url.host} to the Allowed Media Hosts option.`,
		);
	}
	if (reference.size !== undefined && reference.size > options.maxBytes) {
		throw tooLarge(reference.size, options.maxBytes, 'The message announces');
	}
}

export async function fetchMediaFile(
	context: IExecuteFunctions | IWebhookFunctions,
	reference: MediaReference,
	options: MediaDownloadOptions,
): Promise<IBinaryData> {
	checkBeforeDownload(reference, options);
	const maxDownload = options.maxBytes + ENCRYPTION_OVERHEAD;
	// The Timeout covers the whole download, not only the wait for the first byte.
	const deadline = AbortSignal.timeout(options.timeoutSeconds * 1000);
	const fetched = await settle(
		async () =>
			(await context.helpers.httpRequest({
				method: 'GET',
				url: reference.url,
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				// A redirect could lead anywhere, past the host check.
				disableFollowRedirect: true,
				abortSignal: deadline,
			})) as IN8nHttpFullResponse,
	);
	if ('error' in fetched) throw connectionFailure(fetched.error, deadline, options.timeoutSeconds);
	const response = fetched.value;
	const body = response.body as AsyncIterable<Buffer> & { destroy(): void };

	const contentLength = Number(response.headers?.['content-length']);
	const problem = statusProblem(response.statusCode) ?? sizeProblem(contentLength, options.maxBytes);
	if (problem !== undefined) {
		body.destroy();
		throw problem;
	}
	const reader = new EncryptedMediaReader(
		expandMediaKey(reference.mediaKey, reference.kind),
		Number.isFinite(contentLength) ? contentLength : undefined,
	);
	const read = await settle(async () => {
		for await (const chunk of body) {
			reader.push(chunk);
			if (reader.bytes > maxDownload) return tooLarge(reader.bytes, options.maxBytes, 'The download passed');
		}
		return undefined;
	});
	const readProblem = 'error' in read ? connectionFailure(read.error, deadline, options.timeoutSeconds) : read.value;
	if (readProblem !== undefined) {
		body.destroy();
		throw readProblem;
	}

	const checked = reader.finish(reference);
	if ('problem' in checked) {
		throw new MediaError(
			`The downloaded file failed WhatsApp's integrity check: ${checked.problem}`,
			'No file was output. Give Download Media the whole Wonotify Trigger item (the default {{ $json }}), not a part of it or a copy changed by hand; otherwise download it again.',
		);
	}
	return await context.helpers.prepareBinaryData(checked.file, mediaFileName(reference), baseMimeType(reference.mimeType));
}

function statusProblem(statusCode: number): MediaError | undefined {
	if (EXPIRED_STATUSES.has(statusCode)) {
		return new MediaError(
			`The media is no longer available from WhatsApp (HTTP ${statusCode}): its link has expired`,
			"WhatsApp keeps media links for a limited time only, so download files as they arrive: the Wonotify Trigger's Download Media option does that.",
		);
	}
	if (statusCode < 200 || statusCode >= 300) {
		return new MediaError(
			`WhatsApp's media server answered HTTP ${statusCode} instead of the file`,
			'Try again later; if it keeps happening, the media may no longer be available.',
		);
	}
	return undefined;
}

function sizeProblem(announcedDownload: number, maxBytes: number): MediaError | undefined {
	if (!Number.isFinite(announcedDownload) || announcedDownload <= maxBytes + ENCRYPTION_OVERHEAD) return undefined;
	return tooLarge(announcedDownload - ENCRYPTION_OVERHEAD, maxBytes, 'The media server announces');
}

function isAllowedHost(url: URL, allowedHosts: string[]): boolean {
	const hostname = url.hostname.toLowerCase().replace(/\.$/, '');
	if (url.protocol === 'https:' && isWhatsAppHostname(hostname)) return true;
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
	const port = url.port || (url.protocol === 'https:' ? '443' : '80');
	return allowedHosts.some((entry) => {
		const [host, allowedPort] = entry.trim().toLowerCase().split(/:(?=\d+$)/);
		const sameHost = host.startsWith('*.') ? hostname.endsWith(host.slice(1)) : host === hostname;
		return sameHost && (allowedPort === undefined || allowedPort === port);
	});
}

function tooLarge(bytes: number, maxBytes: number, what: string): MediaError {
	// One decimal, unless that would show the two sizes alike.
	const decimals = (bytes / 1_000_000).toFixed(1) === (maxBytes / 1_000_000).toFixed(1) ? 3 : 1;
	const mb = (value: number) => `${(value / 1_000_000).toFixed(decimals)} MB`;
	return new MediaError(
		`${what} ${mb(bytes)}, over the Max Media Size of ${mb(maxBytes)}: the file was not downloaded`,
		'Raise the Max Media Size option if this n8n has the memory and disk for larger files.',
	);
}

function connectionFailure(error: unknown, deadline: AbortSignal, timeoutSeconds: number): MediaError {
	const code = errorCode(error);
	if (deadline.aborted || isTimeoutCode(code)) {
		return new MediaError(
			`WhatsApp's media server did not send the file within ${timeoutSeconds} seconds`,
			'Try again, or raise the Download Timeout (Seconds) option for large files.',
		);
	}
	// The code stays out of the message: n8n swaps a message naming ECONNREFUSED & co. for its
	// own generic words.
	const reason = networkReason(code) ?? 'the connection broke before the file arrived';
	return new MediaError(
		`The download from WhatsApp's media server failed: ${reason}`,
		`Check that this n8n can reach the internet (or your proxy settings), and try again.${code === undefined ? '' : ` Network error: ${code}.`}`,
	);
}
