// The one place that talks HTTP to the Wonotify gateway. Everything the gateway does wrong
// is handled here: HTTP 200 for failures, JSON sent as text/html, "success" for sends that
// did not happen, HTML error pages that echo the request URL (and with it the access token).
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { withAccessToken } from './access-token';
import {
	describeGatewayError,
	describeUnsentMessage,
	extractSentMessageId,
	isHtml,
	redact,
} from './gateway-response';

export const CREDENTIAL_NAME = 'wonotifyApi';
export const DEFAULT_TIMEOUT_SECONDS = 30;
/** What the Base URL should be, for every error that blames it. */
export const USUAL_BASE_URL = 'It usually is https://wonotify.com/api (ending with /api).';

type WonotifyContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

export interface WonotifyRequest {
	method: IHttpRequestMethods;
	/** Path below the Base URL, e.g. `send` or `get_qrcode`. */
	endpoint: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** `sentMessage`: success needs a message key ID back, not just `status: success`. */
	expect?: 'status' | 'sentMessage';
	/** `logout` may answer in plain text instead of JSON. */
	acceptPlainText?: boolean;
	/**
	 * Error answers that report a state the operation turns into output instead of a failure
	 * (Reconnect: not connected; Logout: already logged out). Every other error still throws.
	 */
	acceptErrorAnswer?: (answer: IDataObject) => boolean;
	timeoutSeconds?: number;
	/**
	 * Secrets the request carries besides the access token (the trigger's webhook secret, in
	 * set_webhook's webhook_url): removed from every error the way the token is, since an
	 * error page may echo the request URL.
	 */
	redact?: string[];
}

export interface WonotifyCredentials {
	accessToken: string;
	baseUrl: string;
	instanceId: string;
}

// n8n decrypts a credential on every getCredentials call (a database read and a decryption):
// per item and per request that dominated the cost of a send. One read per execution context
// is enough; the map holds nothing once n8n drops the context, so nothing outlives an
// execution (queue-mode workers share nothing here).
const credentialsOfContext = new WeakMap<object, Promise<WonotifyCredentials>>();

export async function getWonotifyCredentials(context: WonotifyContext): Promise<WonotifyCredentials> {
	let credentials = credentialsOfContext.get(context);
	if (credentials === undefined) {
		credentials = readCredentials(context);
		credentialsOfContext.set(context, credentials);
		// A failed read is not kept: the next call tries again and reports its own error.
		credentials.catch(() => credentialsOfContext.delete(context));
	}
	return await credentials;
}

async function readCredentials(context: WonotifyContext): Promise<WonotifyCredentials> {
	return credentialsFromData(await context.getCredentials(CREDENTIAL_NAME));
}

/** The credential's fields as the nodes and the credential test use them. */
export function credentialsFromData(data: ICredentialDataDecryptedObject): WonotifyCredentials {
	return {
		accessToken: String(data.accessToken ?? ''),
		baseUrl: String(data.baseUrl ?? '').trim().replace(/\/+$/, ''),
		instanceId: String(data.instanceId ?? '').trim(),
	};
}

/** Whether the Base URL can be requested at all (http or https with a host). */
export function isHttpBaseUrl(baseUrl: string): boolean {
	return /^https?:\/\/[^\s/]+/i.test(baseUrl);
}

/**
 * Sends one request and returns the gateway's JSON answer once it is known to be a success.
 * Every failure becomes a NodeApiError whose message a non-programmer can act on and in
 * which the access token never appears.
 */
export async function wonotifyRequest(
	context: WonotifyContext,
	request: WonotifyRequest,
	itemIndex = 0,
): Promise<IDataObject> {
	const { accessToken, baseUrl } = await getWonotifyCredentials(context);
	if (!isHttpBaseUrl(baseUrl)) {
		throw new NodeOperationError(
			context.getNode(),
			'The Base URL in the Wonotify API credential is not a valid http(s) address',
			{ itemIndex, description: USUAL_BASE_URL },
		);
	}
	const hide = (text: string) => redact(text, accessToken, ...(request.redact ?? []));
	const fail = (message: string, description: string, extra: IDataObject = {}) =>
		new NodeApiError(context.getNode(), JSON.parse(hide(JSON.stringify({ message, ...extra }))) as JsonObject, {
			message: hide(message),
			description: hide(description),
			itemIndex,
			httpCode: extra.httpCode as string | undefined,
		});

	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}/${request.endpoint}`,
		qs: request.qs,
		body: request.body,
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: (request.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
	};

	let response: IN8nHttpFullResponse;
	try {
		// httpRequest with the token placed as the credential's authenticate places it: with
		// httpRequestWithAuthentication n8n would decrypt the credential again for every request.
		response = (await context.helpers.httpRequest(withAccessToken(options, accessToken))) as IN8nHttpFullResponse;
	} catch (error) {
		// n8n's HTTP client errors carry the full request (URL with the token, body with the
		// token) in their message, cause and config: only the error code is carried over.
		const code = errorCode(error);
		const { message, description } = describeConnectionFailure(code, {
			where: `the Wonotify server at ${safeHost(baseUrl)}`,
			timeoutSeconds: Math.round((options.timeout as number) / 1000),
			hasTimeoutOption: true,
		});
		// The code goes into the error response as `networkError`: under `code` (or any key
		// NodeApiError reads as a status code) NodeApiError would replace our message with its
		// generic one.
		throw fail(message, description, { networkError: code ?? 'UNKNOWN' });
	}

	// Redacted before anything is cut out of it: a snippet cut mid-token would escape redaction.
	const text = hide(typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? ''));
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw fail(
			`The Wonotify server answered with HTTP ${response.statusCode}`,
			`${snippet(text)} — ${httpStatusAdvice(response.statusCode)}`,
			{ httpCode: String(response.statusCode) },
		);
	}

	const parsed = parseJsonObject(text);
	if (parsed === undefined) {
		if (request.acceptPlainText && text.trim() !== '' && !isHtml(text) && !/error|fail|invalid/i.test(text)) {
			return { status: 'success', message: text.trim() };
		}
		throw fail(
			'The Wonotify server did not answer with JSON',
			`It answered: ${snippet(text)} — check the Base URL in the Wonotify API credential. ${USUAL_BASE_URL}`,
		);
	}

	if (parsed.status !== 'success' && !request.acceptErrorAnswer?.(parsed)) {
		const { message, description } = describeGatewayError(parsed);
		throw fail(message, description, { gatewayResponse: parsed });
	}
	if (request.expect === 'sentMessage' && extractSentMessageId(parsed) === undefined) {
		const { message, description } = describeUnsentMessage(parsed);
		throw fail(message, description, { gatewayResponse: parsed });
	}
	return parsed;
}

/** A JSON object, from text or already parsed; undefined for anything else (a list, a web page…). */
export function parseJsonObject(body: unknown): IDataObject | undefined {
	let value = body;
	if (typeof body === 'string') {
		try {
			value = JSON.parse(body);
		} catch {
			return undefined;
		}
	}
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

function snippet(text: string): string {
	const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
	if (plain === '') return '(an empty answer)';
	return plain.length > 200 ? `"${plain.slice(0, 200)}…"` : `"${plain}"`;
}

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
function httpStatusAdvice(statusCode: number): string {
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
	const reason = NETWORK_REASONS[code ?? ''];
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

function safeHost(baseUrl: string): string {
	try {
		return new URL(baseUrl).host;
	} catch {
		return 'the Base URL';
	}
}
