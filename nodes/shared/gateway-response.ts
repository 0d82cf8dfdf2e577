// Reading the gateway's answers: what counts as a sent message, and what its error messages
// mean for someone who only wants their WhatsApp flow to work.
import type { IDataObject } from 'n8n-workflow';
import { asFlag } from './values';

/** A send succeeded only when a message key ID comes back (`message.key.id`, or `data.key.id`). */
export function extractSentMessageId(response: IDataObject): string | undefined {
	for (const holder of [response.message, response.data]) {
		if (typeof holder !== 'object' || holder === null) continue;
		const id = ((holder as IDataObject).key as IDataObject | undefined)?.id;
		if (typeof id === 'string' && id !== '') return id;
	}
	return undefined;
}

export function isHtml(text: string): boolean {
	return /^\s*</.test(text);
}

/** What to do when the phone's WhatsApp session has ended. */
export const RESCAN_STEP = 'Use Instance → Get QR Code and scan it with the phone (WhatsApp → Linked Devices).';
const RESCAN_ADVICE = `The WhatsApp account is not connected to this instance. ${RESCAN_STEP}`;

// The gateway's ways of saying no WhatsApp account is behind the instance: never scanned,
// logged out, or a session WhatsApp ended.
const RESCAN_WORDS = /not been activated|relogin required|logged out/i;

/**
 * Whether the answer means the phone must scan a new QR code:
 * `{"status":"error","message":"Error","relogin":true}` (Reconnect's documented answer), or
 * the same in words ("This instance ID has not been activated yet", "This WhatsApp account
 * relogin required", "This account seems to have logged out before."). The one test for it:
 * the errors' advice and Reconnect's "not connected" output both use it.
 */
export function needsRescan(answer: IDataObject): boolean {
	return asFlag(answer.relogin) || RESCAN_WORDS.test(messageOf(answer));
}

// What to do about the other errors the gateway is known to answer with.
const ADVICE: Array<[RegExp, string]> = [
	[/access token (does not exist|is required)/i, 'Check the Access Token in your Wonotify API credential.'],
	[
		/instance id (invalidated|has been used)/i,
		'This instance ID is no longer valid: an unscanned QR code expires after about 5 minutes, and Reset gives the instance a new ID. Create an instance, scan its QR code and use the new ID.',
	],
	[/instance id is required/i, 'Set the Instance ID in the node, or a Default Instance ID in the credential.'],
	[
		/exceeded the maximum limit/i,
		'Your Wonotify plan\'s monthly message limit is reached. Upgrade the plan or wait for the next month.',
	],
	[/cannot connect to whatsapp/i, 'WhatsApp or Wonotify is having trouble. Try again in a few minutes.'],
	[/webhook url/i, 'Use a full public address that starts with https://.'],
];

function adviceFor(answer: IDataObject): string | undefined {
	if (needsRescan(answer)) return RESCAN_ADVICE;
	const said = messageOf(answer);
	return ADVICE.find(([pattern]) => pattern.test(said))?.[1];
}

/** The gateway's message, trimmed; '' when it gave none (or not as text). */
export function messageOf(answer: IDataObject): string {
	return typeof answer.message === 'string' ? answer.message.trim() : '';
}

export function describeGatewayError(response: IDataObject): { message: string; description: string } {
	const said = messageOf(response);
	// Reconnect's relogin flag comes with a bare "Error", which says nothing: the headline
	// says what it means instead.
	if (needsRescan(response) && !RESCAN_WORDS.test(said)) {
		return { message: 'The WhatsApp account needs to scan the QR code again', description: RESCAN_ADVICE };
	}
	if (said === '') {
		return {
			message: 'Wonotify reported an error without saying why',
			description: `The gateway answered: ${JSON.stringify(response).slice(0, 300)}`,
		};
	}
	return { message: `Wonotify: ${said}`, description: adviceFor(response) ?? 'This is the message the Wonotify gateway gave.' };
}

/** For a send answered with "success" but no message ID: the gateway did not send it. */
export function describeUnsentMessage(response: IDataObject): { message: string; description: string } {
	const said = messageOf(response);
	if (said === '') {
		return {
			message: 'Wonotify did not send the message',
			description:
				'The gateway answered "success" but returned no message ID, so nothing was sent. Check that the instance is connected and that the message content is valid.',
		};
	}
	return {
		message: `Wonotify did not send the message: ${said}`,
		description: adviceFor(response) ?? 'The gateway answered "success" but returned no message ID.',
	};
}

/**
 * Whether the gateway's words say it could not fetch a send's media file. The WhatsApp Web
 * library under the gateway (Baileys) says "Failed to fetch stream from <url>"; as other
 * gateways word it differently, any failure that names the media, its URL, a download or a
 * fetch counts, except the panel's "Please enter media url or message" (a missing field).
 */
export function isMediaFetchFailure(answer: IDataObject): boolean {
	const said = messageOf(answer);
	if (said === '' || /please enter/i.test(said)) return false;
	if (/fetch|download/i.test(said)) return true;
	return /media|url|file/i.test(said) && /fail|unable|cannot|can't|could not|not found|invalid|timed? ?out|refused|error/i.test(said);
}

/** Logout's answer for an instance with no WhatsApp session: "…seems to have logged out before." */
export function isAlreadyLoggedOutAnswer(response: IDataObject): boolean {
	return /logged out before/i.test(messageOf(response));
}
