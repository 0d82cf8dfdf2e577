// Phone numbers, chat IDs and group IDs as WhatsApp (and so the gateway) understands them.
// Both nodes use these: the action node to validate what users type, the trigger to turn
// incoming chat IDs into the values the action node accepts as they are.

const PERSONAL_JID = /^(\d+)(?::\d+)?@(?:s\.whatsapp\.net|c\.us)$/i;
const GROUP_JID = /^[\d-]+@g\.us$/i;

export const MIN_PHONE_DIGITS = 7;
export const MAX_PHONE_DIGITS = 15;

/** `919876543210@s.whatsapp.net` (or `@c.us`, or with a `:device` suffix) → `919876543210`. */
export function jidToPhoneNumber(jid: string): string | undefined {
	return PERSONAL_JID.exec(jid.trim())?.[1];
}

export function isGroupId(value: string): boolean {
	return GROUP_JID.test(value.trim());
}

/** A WhatsApp privacy ID (`…@lid`): it hides the phone number and cannot be messaged by number. */
export function isPrivacyId(value: string): boolean {
	return /@lid$/i.test(value.trim());
}

// "+44 (0)20 7946 0958" (UK, Germany, the Netherlands, Switzerland, …): the "(0)" is the trunk
// prefix, dialled only from inside the country; kept, it makes a wrong number that still has
// a plausible length. The rule is deliberately narrow: a "(0)" is dropped only right after a
// written country code (+ or 00 and 1–3 digits, optionally in brackets). Anywhere else it
// is kept as a digit, since whether it is a trunk prefix cannot be told from the text.
const TRUNK_ZERO_AFTER_COUNTRY_CODE = /^(\(?(?:\+|00)\s*(\d{1,3})\)?)[\s\-./]*\(\s*0\s*\)/;
// Italy (+39), San Marino (+378) and the Vatican (+379, assigned though the Vatican uses +39)
// have no trunk prefix: the leading 0 of a landline number is part of it and is dialled from
// abroad too, so "+39 (0)2 1234 5678" is 39 02 1234 5678 and its 0 is kept.
const ZERO_IS_PART_OF_THE_NUMBER = new Set(['39', '378', '379']);

function dropTrunkZero(input: string): string {
	return input.replace(TRUNK_ZERO_AFTER_COUNTRY_CODE, (match, written: string, countryCode: string) =>
		ZERO_IS_PART_OF_THE_NUMBER.has(countryCode) ? match : `${written} `,
	);
}

/**
 * Turns what users paste as a phone number into the digits the gateway wants:
 * `+91 98765-43210`, `(0091) 98765.43210` and `919876543210@s.whatsapp.net` all give
 * `919876543210`, `+44 (0)20 7946 0958` gives `442079460958` (but `+39 (0)2 1234 5678` gives
 * `390212345678`). Returns undefined when the result is not a plausible international number.
 */
export function normalisePhoneNumber(input: string): string | undefined {
	const trimmed = input.trim();
	const fromJid = jidToPhoneNumber(trimmed);
	if (fromJid !== undefined) return inPhoneRange(fromJid);
	if (!/^[+\d\s\-.()/]+$/.test(trimmed)) return undefined;
	let digits = dropTrunkZero(trimmed).replace(/\D/g, '');
	if (!trimmed.startsWith('+') && digits.startsWith('00')) digits = digits.slice(2);
	return inPhoneRange(digits);
}

// No country code starts with 0: such a number is a local one, missing its country code.
function inPhoneRange(digits: string): string | undefined {
	if (digits.startsWith('0')) return undefined;
	return digits.length >= MIN_PHONE_DIGITS && digits.length <= MAX_PHONE_DIGITS ? digits : undefined;
}

export function phoneNumberToJid(number: string): string {
	return `${number}@s.whatsapp.net`;
}
