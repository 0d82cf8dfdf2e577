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

import { withAccessToken } from '../shared/access-token';
import {
	describeGatewayError,
	describeUnsentMessage,
	extractSentMessageId,
	isHtml,
	redact,
} from './gateway-response';

export const CREDENTIAL_NAME = 'wonotifyApi';
export const DEFAULT_TIMEOUT_SECONDS = 30;

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
			{ itemIndex, description: 'It usually is https://wonotify.com/api' },
		);
	}
	const hide = (text: string) => redact(text, accessToken);
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
		throw describeNetworkFailure(error, baseUrl, options.timeout as number, fail);
	}

	// Redacted before anything is cut out of it: a snippet cut mid-token would escape redaction.
	const text = hide(typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? ''));
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw fail(
			`The Wonotify server answered with HTTP ${response.statusCode}`,
			`${snippet(text)} — check the Base URL in the credential, or try again later if Wonotify is having problems.`,
			{ httpCode: String(response.statusCode) },
		);
	}

	const parsed = parseJson(text);
	if (parsed === undefined) {
		if (request.acceptPlainText && text.trim() !== '' && !isHtml(text) && !/error|fail|invalid/i.test(text)) {
			return { status: 'success', message: text.trim() };
		}
		throw fail(
			'The Wonotify server did not answer with JSON',
			`It answered: ${snippet(text)} — check the Base URL in the credential (it usually ends with /api).`,
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

function parseJson(text: string): IDataObject | undefined {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as IDataObject)
			: undefined;
	} catch {
		return undefined;
	}
}

function snippet(text: string): string {
	const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
	if (plain === '') return '(an empty answer)';
	return plain.length > 200 ? `"${plain.slice(0, 200)}…"` : `"${plain}"`;
}

// In words, not codes: NodeApiError swaps a message that names a code like ECONNREFUSED for
// its own generic one.
export const NETWORK_REASONS: Record<string, string> = {
	ECONNREFUSED: 'nothing answers at that address',
	ENOTFOUND: 'the host name does not exist',
	EAI_AGAIN: 'the host name could not be looked up',
	EHOSTUNREACH: 'the host cannot be reached from this n8n',
};

// The code goes into the error response as `networkError`: under `code` (or any key NodeApiError
// reads as a status code) NodeApiError would replace our message with its generic one.
function describeNetworkFailure(
	error: unknown,
	baseUrl: string,
	timeoutMs: number,
	fail: (message: string, description: string, extra?: IDataObject) => NodeApiError,
): NodeApiError {
	const code = errorCode(error);
	const host = safeHost(baseUrl);
	if (isTimeoutCode(code)) {
		return fail(
			`The Wonotify server did not answer within ${Math.round(timeoutMs / 1000)} seconds`,
			'Wonotify may be slow or down. Try again later, or raise the Timeout option.',
			{ networkError: code },
		);
	}
	const reason = NETWORK_REASONS[code ?? ''];
	if (reason !== undefined) {
		return fail(
			`Could not connect to the Wonotify server at ${host}: ${reason}`,
			'Check the Base URL in the Wonotify API credential and that this n8n can reach it.',
			{ networkError: code },
		);
	}
	if (code === 'ERR_CANCELED') {
		return fail('The request to Wonotify was cancelled', 'The execution was stopped.', { networkError: code });
	}
	return fail(
		`The connection to the Wonotify server at ${host} broke before it answered`,
		'The connection broke before Wonotify answered. Try again; if it keeps happening, check the Base URL and your network or proxy settings.',
		{ networkError: code ?? 'UNKNOWN' },
	);
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
