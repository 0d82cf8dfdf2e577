// Failures without a usable answer, in words a non-programmer can act on: HTTP statuses of a
// server that is down or busy, and connections that never got an answer. The node's errors
// and the credential test word them alike.
import { USUAL_BASE_URL } from './credentials';

/**
 * Statuses of a server that is down or overloaded rather than a wrong address: too many
 * requests, and the 5xx a proxy or Cloudflare answers while the server behind it is out
 * (502, 503, 521, 522…).
 */
export function isServerBusyStatus(statusCode: number): boolean {
	return statusCode === 429 || statusCode >= 500;
}

export const SERVER_BUSY_ADVICE =
	'Wonotify, or the server at the Base URL, seems to be down or busy. Try again in a few minutes.';

/** What to do about an HTTP error status: wait for a server that is down, else fix the Base URL. */
export function httpStatusAdvice(statusCode: number): string {
	if (isServerBusyStatus(statusCode)) return SERVER_BUSY_ADVICE;
	return `Check the Base URL in the Wonotify API credential. ${USUAL_BASE_URL}`;
}

// In words, not codes: NodeApiError swaps a message that names a code like ECONNREFUSED for
// its own generic one.
const NETWORK_REASONS: Record<string, string> = {
	ECONNREFUSED: 'nothing answers at that address',
	ENOTFOUND: 'the host name does not exist',
	EAI_AGAIN: 'the host name could not be looked up',
	EHOSTUNREACH: 'the host cannot be reached from this n8n',
};

/** Why a connection failed, in words (undefined for codes without a known reason). */
export function networkReason(code: string | undefined): string | undefined {
	return NETWORK_REASONS[code ?? ''];
}

/**
 * A request that got no answer, in words, for the node's errors and the credential test
 * alike. `where` names the server: `the Wonotify server at wonotify.com`, `the Base URL "…"`.
 */
export function describeConnectionFailure(
	code: string | undefined,
	{ where, timeoutSeconds, hasTimeoutOption }: { where: string; timeoutSeconds: number; hasTimeoutOption: boolean },
): { message: string; description: string } {
	if (isTimeoutCode(code)) {
		return {
			message: `${where.charAt(0).toUpperCase()}${where.slice(1)} did not answer within ${timeoutSeconds} second${timeoutSeconds === 1 ? '' : 's'}`,
			description: `Wonotify may be slow or down. Try again later${hasTimeoutOption ? ', or raise the Timeout option' : ''}, and check the Base URL if it keeps happening.`,
		};
	}
	const reason = networkReason(code);
	if (reason !== undefined) {
		return {
			message: `Could not connect to ${where}: ${reason}`,
			description: 'Check the Base URL in the Wonotify API credential and that this n8n can reach it.',
		};
	}
	if (code === 'ERR_CANCELED') {
		return { message: 'The request to Wonotify was cancelled', description: 'The execution was stopped.' };
	}
	return {
		message: `The connection to ${where} broke before it answered`,
		description: 'Try again; if it keeps happening, check the Base URL and your network or proxy settings.',
	};
}

export function isTimeoutCode(code: string | undefined): boolean {
	return code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT';
}

/** The network error code (ECONNREFUSED, …) of an HTTP client error, looking into its causes. */
export function errorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}
