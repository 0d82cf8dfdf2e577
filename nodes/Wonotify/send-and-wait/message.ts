// The message that asks: the question, then one signed link per answer. Plain links are the
// default because WhatsApp often does not show buttons; with URL buttons the links are in the
// text as well.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getWonotifyCredentials } from '../../shared/credentials';
import { requireText } from '../../shared/input-error';
import { resolveInstanceId } from '../../shared/instance-id';
import { readOptions } from '../fields/common-fields';
import type { Button } from '../interactive/buttons';
import { toInteractiveButtons } from '../interactive/buttons';
import { joinParagraphs } from '../interactive/plain-text';
import { parseRecipient } from '../sending/recipients';
import { richMessageCall, sendCall, textOrMediaRequest } from '../sending/send';
import type { GatewayCall } from '../types';

interface AnswerLink {
	label: string;
	url: string;
}

/** One signed link per possible answer (n8n signs them: a changed link is refused). */
function answerLinks(context: IExecuteFunctions): AnswerLink[] {
	const responseType = context.getNodeParameter('responseType', 0, 'approval') as string;
	if (responseType !== 'approval') {
		const label = String(context.getNodeParameter('options.messageButtonLabel', 0, 'Respond') || 'Respond');
		return [{ label, url: context.getSignedResumeUrl({ approved: 'true' }) }];
	}
	const approval = context.getNodeParameter('approvalOptions.values', 0, {}) as IDataObject;
	const approve = { label: String(approval.approveLabel || 'Approve'), url: context.getSignedResumeUrl({ approved: 'true' }) };
	if (approval.approvalType !== 'double') return [approve];
	return [approve, { label: String(approval.disapproveLabel || 'Disapprove'), url: context.getSignedResumeUrl({ approved: 'false' }) }];
}

/** The send of the question to the recipient of the first item. */
export async function questionCall(context: IExecuteFunctions): Promise<GatewayCall> {
	const instanceId = await resolveInstanceId(context, 0);
	const { defaultCountryCode } = await getWonotifyCredentials(context);
	const recipient = parseRecipient('Phone Number or Chat ID', context.getNodeParameter('chatId', 0), defaultCountryCode);
	const question = requireText('Message', context.getNodeParameter('message', 0));
	const { timeoutSeconds, linkStyle = 'text' } = readOptions<{ linkStyle?: string }>(context, 0);
	const links = answerLinks(context);
	const linkLines = links.map(({ label, url }) => `${label}: ${url}`).join('\n');
	if (linkStyle === 'buttons' && recipient.kind === 'number') {
		const buttons: Button[] = links.map(({ label, url }) => ({ type: 'cta_url', displayText: label, url }));
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
	const text = joinParagraphs(question, linkLines);
	return sendCall(textOrMediaRequest(instanceId, recipient, { type: 'text', text }, timeoutSeconds), recipient, instanceId);
}
