import { isGroupId, isPrivacyId, normalisePhoneNumber } from '../shared/whatsapp-ids';
import { InputError, requireText } from './input-error';

export type Recipient = { kind: 'number'; number: string } | { kind: 'group'; groupId: string };

const NUMBER_HINT =
	'Use the country code and the number, digits only, e.g. 919876543210 (+, spaces, dashes and a leading 00 are removed for you).';
const GROUP_HINT =
	'A group ID looks like 120363023285171234@g.us. The Wonotify Trigger gives it as groupId on group messages.';

/**
 * A phone number or a chat ID, as typed or as the Wonotify Trigger gives it. Group chat IDs
 * are accepted where a reply to "the same chat" must reach a group too.
 */
export function parseRecipient(field: string, value: unknown, allowGroups: boolean): Recipient {
	const text = requireText(field, value);
	if (isGroupId(text)) {
		if (allowGroups) return { kind: 'group', groupId: text };
		throw new InputError(field, `"${text}" is a group ID; this operation can only send to a phone number`);
	}
	if (isPrivacyId(text)) {
		throw new InputError(
			field,
			`"${text}" is a WhatsApp privacy ID (@lid), not a phone number`,
			'Use the from field of the Wonotify Trigger output, which holds the phone number.',
		);
	}
	const number = normalisePhoneNumber(text);
	if (number === undefined) {
		throw new InputError(field, `"${text}" is not a valid phone number`, NUMBER_HINT);
	}
	return { kind: 'number', number };
}

export function parseGroupId(field: string, value: unknown): string {
	const text = requireText(field, value);
	if (!isGroupId(text)) {
		throw new InputError(field, `"${text}" is not a WhatsApp group ID (it must end with @g.us)`, GROUP_HINT);
	}
	return text;
}

/** A phone number only (buttons and lists are sent to people, by number). */
export function parsePhoneNumber(field: string, value: unknown): string {
	const recipient = parseRecipient(field, value, false);
	return recipient.kind === 'number' ? recipient.number : '';
}
