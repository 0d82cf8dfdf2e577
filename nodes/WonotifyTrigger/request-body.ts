// The body the gateway posted, whatever Content-Type it claimed. n8n parses a webhook body
// only for JSON, form and plain-text content types (test/integration/trigger-engine.ts models
// how) but keeps the bytes it read as `rawBody`; JSON posted as text/html, as a form or with no
// Content-Type would otherwise reach the trigger as no body (or a form's keys) and be ignored.
import type { IWebhookFunctions } from 'n8n-workflow';

import { parseEnvelope } from './parse';
import { parseJson } from '../shared/values';

/**
 * What n8n adds to the request (n8n-workflow declares both on IncomingMessage). Optional here:
 * another host, or an n8n that has not read the body yet, may lack one or both.
 */
interface RequestWithRawBody {
	rawBody?: unknown;
	readRawBody?: () => Promise<void>;
}

/** The parsed body when it is a Wonotify event; otherwise the raw body read as JSON, if it is a JSON object. */
export async function readWebhookBody(context: IWebhookFunctions): Promise<unknown> {
	const parsed: unknown = context.getBodyData();
	// The usual case, application/json: n8n has parsed it and the raw bytes are not looked at.
	if (typeof parsed === 'object' && typeof parseEnvelope(parsed) !== 'string') return parsed;
	const raw = await rawBodyText(context.getRequestObject());
	return (raw === undefined ? undefined : jsonObjectIn(raw)) ?? parsed;
}

async function rawBodyText(request: RequestWithRawBody): Promise<string | undefined> {
	if (request.rawBody === undefined && typeof request.readRawBody === 'function') {
		// n8n skips reading bodies of content types it cannot parse for node versions above 1,
		// leaving the stream to the node; a stream already consumed makes it throw.
		try {
			await request.readRawBody();
		} catch {
			return undefined;
		}
	}
	// JSON is UTF-8 (RFC 8259), whatever charset a wrong Content-Type claims.
	return Buffer.isBuffer(request.rawBody) ? request.rawBody.toString('utf8') : undefined;
}

/** Only text that looks like a JSON object is parsed: an HTML page or a form is not tried. Never throws. */
function jsonObjectIn(text: string): unknown {
	// trim() also drops a byte order mark.
	const trimmed = text.trim();
	if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return undefined;
	return parseJson(trimmed);
}
