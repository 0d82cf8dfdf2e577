// What a failed item shows with Continue On Fail: the error, what to do about it, and who the
// message was for, so a user can see which numbers failed and send to them again.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { phoneNumberToJid } from '../../shared/whatsapp-ids';
import type { WonotifyRequest } from '../../shared/transport';

/**
 * `{ error, details: { description, chatId, phoneNumber | groupId } }`. Everything but `error`
 * sits in `details` because n8n's "Continue (using error output)" recognises a failed item only
 * by JSON holding nothing but error, message and details: with any other key it would go to
 * the success output. (An item's own `error` property would route it too, but n8n then
 * replaces its JSON with the bare message.)
 */
export function failedItem(error: Error & { description?: unknown }, recipient: IDataObject = {}): INodeExecutionData {
	const details: IDataObject = {
		...(typeof error.description === 'string' && error.description !== '' ? { description: error.description } : {}),
		...recipient,
	};
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
