import { isGroupId, isPrivacyId, normalisePhoneNumber } from '../../shared/whatsapp-ids';
import { InputError, requireText } from '../../shared/input-error';

export type Recipient = { kind: 'number'; number: string } | { kind: 'group'; groupId: string };

const NUMBER_HINT =
	'Use the country code and the number, e.g. 919876543210 (+, spaces, dashes, a leading 00 and a (0) after the country code are removed for you).';
const GROUP_HINT =
	'A group ID looks like 120363023285171234@g.us. The Wonotify Trigger gives it as groupId on group messages.';
const GROUPS_GET_TEXT_HINT =
	'WhatsApp groups can only get text and media. Use Send Text (it takes this group ID as it is) or the Group resource, and write the choices into the text.';

/**
 * A phone number or a chat ID, as typed or as the Wonotify Trigger gives it. Group chat IDs
 * are accepted so that a reply to "the same chat" reaches a group too.
 */
export function parseRecipient(field: string, value: unknown): Recipient {
	const text = requireText(field, value);
	if (isGroupId(text)) return { kind: 'group', groupId: text };
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

/**
 * Who buttons, template buttons and lists go to: a person only. The gateway sends them with
 * send_template, which takes a phone number; groups get text and media only (send_group).
 */
export function parsePersonRecipient(field: string, value: unknown): string {
	const recipient = parseRecipient(field, value);
	if (recipient.kind === 'group') {
		throw new InputError(
			field,
			`"${recipient.groupId}" is a group; buttons and lists can only be sent to a phone number, not to a group`,
			GROUPS_GET_TEXT_HINT,
		);
	}
	return recipient.number;
}
