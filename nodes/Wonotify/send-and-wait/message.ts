// The message that asks: the question, then one signed link per answer. Plain links are the
// default because WhatsApp often does not show buttons; with URL buttons the links are in the
// text as well. Answered in the chat (Answer In), the links are signed for the chat the
// question goes to: approval buttons carry them in their IDs, and a Free Text question's link
// is what the Wonotify Trigger finds in the question a reply quotes (shared/signed-answer-link.ts).
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { buttonIdOf, CHAT_QUERY_PARAMETER, type SignedChat } from '../../shared/signed-answer-link';
import { getWonotifyCredentials } from '../../shared/credentials';
import { resolveInstanceId } from '../../shared/instance-id';
import { readOptions, requireMessageText } from '../fields/common-fields';
import type { Button } from '../interactive/buttons';
import { toInteractiveButtons } from '../interactive/buttons';
import { joinParagraphs } from '../interactive/plain-text';
import { parseRecipient, type Recipient } from '../sending/recipients';
import { richMessageCall, sendCall, textOrMediaRequest } from '../sending/send';
import type { GatewayCall } from '../types';

interface AnswerLink {
	label: string;
	url: string;
}

const REPLY_HINT = 'Reply to this message with your answer, or open the link.';

/**
 * One signed link per possible answer (n8n signs them: a changed link is refused). For an
 * answer in the chat, n8n signs the chat along: an answer from another chat is refused too.
 */
function answerLinks(context: IExecuteFunctions, responseType: string, chat: SignedChat | undefined): AnswerLink[] {
	const inChat: Record<string, string> = chat === undefined ? {} : { [CHAT_QUERY_PARAMETER]: chat };
	if (responseType !== 'approval') {
		const label = String(context.getNodeParameter('options.messageButtonLabel', 0, 'Respond') || 'Respond');
		// A Free Text link answered in the chat has no `approved`: the trigger knows it by that.
		return [{ label, url: context.getSignedResumeUrl(chat === undefined ? { approved: 'true' } : inChat) }];
	}
	const approval = context.getNodeParameter('approvalOptions.values', 0, {}) as IDataObject;
	const link = (approved: boolean) => context.getSignedResumeUrl({ approved: String(approved), ...inChat });
	const approve = { label: String(approval.approveLabel || 'Approve'), url: link(true) };
	if (approval.approvalType !== 'double') return [approve];
	return [approve, { label: String(approval.disapproveLabel || 'Disapprove'), url: link(false) }];
}

/** The chat an answer in the chat must come from, as n8n signs it; undefined for answers by link. */
function answeringChat(context: IExecuteFunctions, responseType: string, recipient: Recipient): SignedChat | undefined {
	if (responseType === 'customForm' || context.getNodeParameter('answerIn', 0, 'links') !== 'chat') return undefined;
	return recipient.kind === 'number' ? recipient.number : recipient.groupId;
}

/** The send of the question to the recipient of the first item. */
export async function questionCall(context: IExecuteFunctions): Promise<GatewayCall> {
	const instanceId = await resolveInstanceId(context, 0);
	const { defaultCountryCode } = await getWonotifyCredentials(context);
	const recipient = parseRecipient('Phone Number or Chat ID', context.getNodeParameter('chatId', 0), defaultCountryCode);
	const question = requireMessageText(context, 0);
	const { timeoutSeconds, linkStyle = 'text' } = readOptions<{ linkStyle?: string }>(context, 0);
	const responseType = context.getNodeParameter('responseType', 0, 'approval') as string;
	const chat = answeringChat(context, responseType, recipient);
	const links = answerLinks(context, responseType, chat);
	const linkLines = links.map(({ label, url }) => `${label}: ${url}`).join('\n');
	const buttons = questionButtons(links, chat !== undefined && responseType === 'approval', linkStyle);
	if (buttons !== undefined && recipient.kind === 'number') {
		return richMessageCall({
			instanceId,
			number: recipient.number,
			type: 'interactive',
			text: question,
			choices: linkLines,
			fallback: 'append',
			timeoutSeconds,
			message: (bodyText) => ({ text: bodyText, title: '', subtitle: '', footer: '', interactiveButtons: toInteractiveButtons(buttons) }),
		});
	}
	const text = joinParagraphs(question, chat !== undefined && responseType === 'freeText' ? REPLY_HINT : undefined, linkLines);
	return sendCall(textOrMediaRequest(instanceId, recipient, { type: 'text', text }, timeoutSeconds), recipient, instanceId);
}

/**
 * The question's buttons, if any (the gateway sends buttons to phone numbers only): quick
 * replies that answer in the chat, or URL buttons that open the links. The links are in the
 * text either way.
 */
function questionButtons(links: AnswerLink[], answerInChat: boolean, linkStyle: string): Button[] | undefined {
	if (answerInChat) return links.map(({ label, url }) => ({ type: 'quick_reply', displayText: label, id: buttonIdOf(url) }));
	if (linkStyle === 'buttons') return links.map(({ label, url }) => ({ type: 'cta_url', displayText: label, url }));
	return undefined;
}
