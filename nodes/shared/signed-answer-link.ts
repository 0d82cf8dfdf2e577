// Send and Wait answered inside the chat. The Wonotify node asks; the answer (a tapped button,
// or a reply that quotes the question) arrives at the instance's Wonotify Trigger, which
// resumes the waiting execution. Nothing is stored between the two: the button ID, or the link
// in the quoted question, carries n8n's own signed resume link in short form. n8n signed it
// with the chat the question went to (`chat`), so the trigger rebuilds the link with the chat
// the answer came from, and n8n's waiting webhook refuses it unless both are the same chat and
// nothing was changed. Both nodes use this file; neither can check a signature itself (the
// secret is n8n's), n8n does.

/** A waiting execution's resume link, without n8n's address and without the chat. */
export interface ChatAnswerToken {
	executionId: string;
	nodeId: string;
	/** Approval buttons: the answer the button gives; undefined for a Free Text question. */
	approved?: boolean;
	/** n8n's signature of the link (hex HMAC): the part that must never be logged. */
	signature: string;
}

/** The query parameter n8n signs along with the answer: the chat that may answer. */
export const CHAT_QUERY_PARAMETER = 'chat';

/** The header the trigger's resume call carries, so the answer page is a short JSON instead. */
export const IN_CHAT_ANSWER_HEADER = 'x-wonotify-in-chat-answer';

// The node's waiting webhooks live under n8n's waiting endpoint (N8N_ENDPOINT_WEBHOOK_WAIT,
// "webhook-waiting" unless changed); n8n's signature covers this path.
export const WAITING_ENDPOINT = 'webhook-waiting';

const BUTTON_ID_PREFIX = 'wnf1';
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
// Node IDs are UUIDs when n8n makes them, but any text in an imported workflow: any text goes
// (it travels URL-encoded, as one path segment), except what a URL would resolve as a path
// and control characters.
const NODE_ID = { test: (id: string) => id.length <= 100 && id !== '.' && id !== '..' && /^[^\p{Cc}]+$/u.test(id) };
const SIGNATURE = /^[0-9a-f]{64}$/;
// A Free Text question's link: `/webhook-waiting/<execution>/<node>?chat=…&signature=…`.
const FREE_TEXT_LINK = /\/webhook-waiting\/([A-Za-z0-9_-]{1,64})\/([A-Za-z0-9_.!~*'()%-]{1,300})\?chat=[^&\s]+&signature=([0-9a-f]{64})(?![0-9A-Za-z&])/;

/** The chat as n8n signs it: a person's phone number (digits) or a group ID. */
export type SignedChat = string;

/**
 * The button ID of an approval button, from the link n8n signed for it
 * (`getSignedResumeUrl({ approved, chat })`): `wnf1:<execution>:<node>:<y|n>:<signature>`.
 * About 120 characters: WhatsApp takes button IDs of up to 256.
 */
export function buttonIdOf(signedLink: string): string {
	const token = tokenOfLink(new URL(signedLink));
	if (token === undefined || token.approved === undefined) throw new Error('not a signed approval link');
	return [BUTTON_ID_PREFIX, token.executionId, encodeURIComponent(token.nodeId), token.approved ? 'y' : 'n', token.signature].join(':');
}

/** Whether a button ID is one of ours (it may still have been changed). */
export function isAnswerButtonId(buttonId: string | null): boolean {
	return buttonId?.startsWith(`${BUTTON_ID_PREFIX}:`) === true;
}

/** The token in a tapped button's ID; undefined when the button is not one of ours or is malformed. */
export function tokenOfButtonId(buttonId: string | null): ChatAnswerToken | undefined {
	if (buttonId === null || buttonId.length > 256) return undefined;
	const parts = buttonId.split(':');
	if (parts.length !== 5 || parts[0] !== BUTTON_ID_PREFIX) return undefined;
	const [, executionId, encodedNodeId, answer, signature] = parts;
	const nodeId = safeDecode(encodedNodeId);
	if (!SAFE_ID.test(executionId) || nodeId === undefined || !NODE_ID.test(nodeId)) return undefined;
	if ((answer !== 'y' && answer !== 'n') || !SIGNATURE.test(signature)) return undefined;
	return { executionId, nodeId, approved: answer === 'y', signature };
}

/** The Free Text token in a question's text (its answer link); undefined when there is none. */
export function tokenInQuestion(text: string): ChatAnswerToken | undefined {
	const match = FREE_TEXT_LINK.exec(text);
	if (match === null) return undefined;
	const nodeId = safeDecode(match[2]);
	if (nodeId === undefined || !NODE_ID.test(nodeId)) return undefined;
	return { executionId: match[1], nodeId, signature: match[3] };
}

/**
 * The resume link's path and query for an answer from `chat`, in the order n8n signed it
 * (`approved`, then `chat`, then the signature). Only the caller's own n8n address goes in
 * front of it: nothing of the message decides where the call goes.
 */
export function resumePath(token: ChatAnswerToken, chat: SignedChat): string {
	const query = new URLSearchParams();
	if (token.approved !== undefined) query.set('approved', String(token.approved));
	query.set(CHAT_QUERY_PARAMETER, chat);
	query.set('signature', token.signature);
	return `${WAITING_ENDPOINT}/${token.executionId}/${encodeURIComponent(token.nodeId)}?${query.toString()}`;
}

function tokenOfLink(link: URL): ChatAnswerToken | undefined {
	const segments = link.pathname.split('/');
	const [executionId, encodedNodeId] = segments.slice(-2);
	const nodeId = safeDecode(encodedNodeId ?? '');
	const signature = link.searchParams.get('signature') ?? '';
	if (!SAFE_ID.test(executionId ?? '') || nodeId === undefined || !NODE_ID.test(nodeId) || !SIGNATURE.test(signature)) return undefined;
	const approved = link.searchParams.get('approved');
	return { executionId, nodeId, signature, approved: approved === null ? undefined : approved === 'true' };
}

function safeDecode(text: string): string | undefined {
	try {
		return decodeURIComponent(text);
	} catch {
		return undefined;
	}
}
