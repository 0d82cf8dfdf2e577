// What a failed item shows with Continue On Fail: the error, what to do about it, and who the
// message was for, so a user can see which numbers failed and send to them again.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { phoneNumberToJid } from '../../shared/whatsapp-ids';
import type { WonotifyRequest } from '../../shared/transport';

type Failure = Error & { description?: unknown };

/**
 * With "Continue" (`errorOutput` false): `{ error, details: { description, chatId, phoneNumber |
 * groupId } }` on the normal output.
 *
 * With "Continue (using error output)": `{ error, message }`, `message` saying what to do and
 * for whom in words. n8n 1.x sends an item to the error output only when its JSON is `{ error }`
 * or `{ error, message }` (2.x also accepts `details`), and n8n adds the input item's fields to
 * it there, so the recipient as the workflow had it is still on the item. The item's own
 * `error` property would route it too, but both n8n 1.x and 2.x then replace its JSON with the
 * bare error message (WorkflowExecute's normalisation of item errors), losing the advice.
 */
export function failedItem(error: Failure, recipient: IDataObject = {}, errorOutput = false): INodeExecutionData {
	const description = typeof error.description === 'string' && error.description !== '' ? error.description : undefined;
	if (errorOutput) {
		const message = [description, typeof recipient.chatId === 'string' ? `Chat ID: ${recipient.chatId}` : undefined].filter(Boolean).join('\n\n');
		return { json: { error: error.message, ...(message !== '' ? { message } : {}) } };
	}
	const details: IDataObject = { ...(description !== undefined ? { description } : {}), ...recipient };
	return { json: { error: error.message, ...(Object.keys(details).length > 0 ? { details } : {}) } };
}

// Read from the request as it went to the gateway: that is the recipient after normalisation
// (digits only, or the group ID), the same values a sent item has.
export function recipientOf(request: WonotifyRequest): IDataObject {
	const field = (name: string) => {
		const value = request.body?.[name] ?? request.qs?.[name];
		return typeof value === 'string' && value !== '' ? value : undefined;
	};
	const groupId = field('group_id');
	if (groupId !== undefined) return { chatId: groupId, groupId };
	const phoneNumber = field('number');
	if (phoneNumber !== undefined) return { chatId: phoneNumberToJid(phoneNumber), phoneNumber };
	return {};
}
