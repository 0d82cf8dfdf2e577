// The one place that talks HTTP to the Wonotify gateway. Everything the gateway does wrong
// is handled here: HTTP 200 for failures, JSON sent as text/html, "success" for sends that
// did not happen, HTML error pages that echo the request URL (and with it the access token).
import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { withAccessToken } from './token-placement';
import { asObject, parseJson } from './values';
import { getWonotifyCredentials, isHttpBaseUrl, USUAL_BASE_URL, type WonotifyContext } from './credentials';
import { describeConnectionFailure, errorCode, httpStatusAdvice } from './failure-wording';
import { describeGatewayError, describeUnsentMessage, extractSentMessageId, isHtml } from './gateway-response';
import { secretMasker } from './redaction';

export const DEFAULT_TIMEOUT_SECONDS = 30;

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
	 * Words for a gateway error (or, with `unsent`, a "success" without a message ID) that this
	 * request understands better than the general rules do (a media file it could not fetch);
	 * undefined leaves it to them.
	 */
	explainError?: (answer: IDataObject, unsent: boolean) => { message: string; description: string } | undefined;
	/**
	 * Secrets the request carries besides the access token (the trigger's webhook secret, in
	 * set_webhook's webhook_url): removed from every error the way the token is, since an
	 * error page may echo the request URL.
	 */
	redact?: string[];
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
	const mask = secretMasker(accessToken, ...(request.redact ?? []));
	const hide = mask.text;
	const fail = (message: string, description: string, extra: IDataObject = {}) =>
		new NodeApiError(context.getNode(), JSON.parse(hide(JSON.stringify({ message, ...extra }))) as JsonObject, {
			message: hide(message),
			description: hide(description),
			itemIndex,
			httpCode: extra.httpCode as string | undefined,
		});

	// Every call is bounded: a timeout of 0 would let n8n's client wait as long as the socket lives.
	const timeoutSeconds = request.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
	if (!(Number.isFinite(timeoutSeconds) && timeoutSeconds > 0)) {
		throw new NodeOperationError(context.getNode(), `The timeout ${timeoutSeconds} is not a number of seconds above 0`, { itemIndex });
	}
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}/${request.endpoint}`,
		qs: request.qs,
		body: request.body,
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutSeconds * 1000,
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

	// Masked again once parsed: JSON escapes can spell a secret in ways the raw text did not show.
	const parsedRaw = parseJsonObject(text);
	const parsed = parsedRaw === undefined ? undefined : mask.answer(parsedRaw);
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
		const { message, description } = request.explainError?.(parsed, false) ?? describeGatewayError(parsed);
		throw fail(message, description, { gatewayResponse: parsed });
	}
	if (request.expect === 'sentMessage' && extractSentMessageId(parsed) === undefined) {
		const { message, description } = request.explainError?.(parsed, true) ?? describeUnsentMessage(parsed);
		throw fail(message, description, { gatewayResponse: parsed });
	}
	return parsed;
}

/** A JSON object, from text or already parsed; undefined for anything else (a list, a web page…). */
export function parseJsonObject(body: unknown): IDataObject | undefined {
	return asObject(typeof body === 'string' ? parseJson(body) : body);
}

function snippet(text: string): string {
	const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
	if (plain === '') return '(an empty answer)';
	return plain.length > 200 ? `"${plain.slice(0, 200)}…"` : `"${plain}"`;
}

function safeHost(baseUrl: string): string {
	try {
		return new URL(baseUrl).host;
	} catch {
		return 'the Base URL';
	}
}
