import {
	isGroupId,
	isPrivacyId,
	MAX_PHONE_DIGITS,
	normaliseCountryCode,
	readPhoneNumber,
	type PhoneNumberProblem,
} from '../../shared/whatsapp-ids';
import { InputError, requireText } from '../../shared/input-error';

export type Recipient = { kind: 'number'; number: string } | { kind: 'group'; groupId: string };

const NUMBER_HINT =
	'Use the country code and the number, e.g. 919876543210 (+, spaces, dashes, a leading 00 and a (0) after the country code are removed for you).';
const DEFAULT_COUNTRY_CODE_FIELD = 'Default Country Code';
const COUNTRY_CODE_HINT = `Write the number with its country code, e.g. 919876543210 for the Indian number 98765 43210, or set ${DEFAULT_COUNTRY_CODE_FIELD} in the Wonotify API credential (e.g. 91) to have it added to numbers written without one.`;
const GROUP_HINT =
	'A group ID looks like 120363023285171234@g.us. The Wonotify Trigger gives it as groupId on group messages.';
const GROUPS_GET_TEXT_HINT =
	'WhatsApp groups can only get text and media. Use Send Text (it takes this group ID as it is) or the Group resource, and write the choices into the text.';

/**
 * A phone number or a chat ID, as typed or as the Wonotify Trigger gives it. Group chat IDs
 * are accepted so that a reply to "the same chat" reaches a group too. A number without a
 * country code gets the credential's Default Country Code, if there is one.
 */
export function parseRecipient(field: string, value: unknown, defaultCountryCode = ''): Recipient {
	const text = requireText(field, value);
	if (isGroupId(text)) return { kind: 'group', groupId: text };
	if (isPrivacyId(text)) {
		throw new InputError(
			field,
			`"${text}" is a WhatsApp privacy ID (@lid), not a phone number`,
			'Use the from field of the Wonotify Trigger output, which holds the phone number.',
		);
	}
	const reading = readPhoneNumber(text, countryCodeOfCredential(defaultCountryCode));
	if ('number' in reading) return { kind: 'number', number: reading.number };
	const [problem, hint] = inWords(reading);
	throw new InputError(field, `"${text}" ${problem}`, hint);
}

function inWords(reading: PhoneNumberProblem): [problem: string, hint: string] {
	switch (reading.problem) {
		case 'national without default':
			return ['is a national number (it starts with 0) without a country code', COUNTRY_CODE_HINT];
		case 'too long':
			return [`is not a valid phone number: it has ${reading.digits.length} digits, and a phone number has at most ${MAX_PHONE_DIGITS} with its country code`, NUMBER_HINT];
		case 'no such country code':
			return [`is not a valid phone number: no country code starts with ${reading.digits.slice(0, 3)}`, COUNTRY_CODE_HINT];
		case 'wrong length for its country': {
			const { countryCode, length, digits } = reading;
			const expected = length.shortest === length.longest ? `${length.shortest}` : `${length.shortest} to ${length.longest}`;
			const has = digits.length - countryCode.length;
			return [
				`is not a valid phone number: read as +${countryCode} ${digits.slice(countryCode.length)}, it has ${has} digits after the country code ${countryCode}, where numbers have ${expected}`,
				COUNTRY_CODE_HINT,
			];
		}
		default:
			return ['is not a valid phone number', NUMBER_HINT];
	}
}

/** The credential's Default Country Code, as digits ('' when empty). */
function countryCodeOfCredential(typed: string): string {
	if (typed.trim() === '') return '';
	const code = normaliseCountryCode(typed);
	if (code === undefined) {
		throw new InputError(
			DEFAULT_COUNTRY_CODE_FIELD,
			`"${typed}" is not a country calling code`,
			'In the Wonotify API credential, use the digits of a country code, e.g. 91 for India or 44 for the United Kingdom, or leave it empty.',
		);
	}
	return code;
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
export function parsePersonRecipient(field: string, value: unknown, defaultCountryCode = ''): string {
	const recipient = parseRecipient(field, value, defaultCountryCode);
	if (recipient.kind === 'group') {
		throw new InputError(
			field,
			`"${recipient.groupId}" is a group; buttons and lists can only be sent to a phone number, not to a group`,
			GROUPS_GET_TEXT_HINT,
		);
	}
	return recipient.number;
}
