// Phone numbers, chat IDs and group IDs as WhatsApp (and so the gateway) understands them.
// Both nodes use these: the action node to validate what users type, the trigger to turn
// incoming chat IDs into the values the action node accepts as they are.

import { countryCallingCodeOf, nationalNumberLength, type NationalNumberLength } from './country-calling-codes';

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
 * Only the form is checked here (the trigger reads numbers with it); what a send accepts is
 * `readPhoneNumber`, which also checks the digits against their country.
 */
export function normalisePhoneNumber(input: string): string | undefined {
	const typed = tidyPhoneNumber(input);
	return typed === undefined ? undefined : inPhoneRange(typed.digits);
}

interface TypedNumber {
	digits: string;
	/** Written with + or 00 before the country code (or as a WhatsApp chat ID). */
	international: boolean;
}

function tidyPhoneNumber(input: string): TypedNumber | undefined {
	const trimmed = input.trim();
	const fromJid = jidToPhoneNumber(trimmed);
	if (fromJid !== undefined) return { digits: fromJid, international: true };
	if (!/^[+\d\s\-.()/]+$/.test(trimmed)) return undefined;
	const digits = dropTrunkZero(trimmed).replace(/\D/g, '');
	if (/^\(?\+/.test(trimmed)) return { digits, international: true };
	if (digits.startsWith('00')) return { digits: digits.slice(2), international: true };
	return { digits, international: false };
}

// No country code starts with 0: such a number is a local one, missing its country code.
function inPhoneRange(digits: string): string | undefined {
	if (digits.startsWith('0')) return undefined;
	return digits.length >= MIN_PHONE_DIGITS && digits.length <= MAX_PHONE_DIGITS ? digits : undefined;
}

/** Why a typed number cannot be sent to, for the caller to put into words. */
export type PhoneNumberProblem =
	| { problem: 'not a number' }
	| { problem: 'national without default' }
	| { problem: 'too long'; digits: string }
	| { problem: 'no such country code'; digits: string }
	| { problem: 'wrong length for its country'; digits: string; countryCode: string; length: NationalNumberLength };

export type PhoneNumberReading = { number: string } | PhoneNumberProblem;

/**
 * What a send accepts as a phone number: `normalisePhoneNumber`'s forms, checked against the
 * lengths of its country's numbers, and national numbers (`09876543210`, or `9876543210`
 * that cannot be international as it is) completed with the credential's Default Country
 * Code. A WhatsApp chat ID is taken as it is: WhatsApp made it.
 */
export function readPhoneNumber(input: string, defaultCountryCode = ''): PhoneNumberReading {
	const trimmed = input.trim();
	const fromJid = jidToPhoneNumber(trimmed);
	if (fromJid !== undefined) {
		const number = inPhoneRange(fromJid);
		return number === undefined ? { problem: 'not a number' } : { number };
	}
	const typed = tidyPhoneNumber(trimmed);
	if (typed === undefined || typed.digits === '') return { problem: 'not a number' };
	const { digits } = typed;
	if (typed.international) return checkCountry(digits);
	if (digits.startsWith('0')) {
		if (defaultCountryCode === '') return { problem: 'national without default' };
		return checkCountry(defaultCountryCode + nationalPart(defaultCountryCode, digits));
	}
	if (defaultCountryCode === '') return checkCountry(digits);
	// Bare digits: international without the +, or national without the trunk 0. A number
	// that already starts with the default code and fits it is taken as it is; otherwise the
	// national reading wins where it fits (a local number is what a default is set for).
	const asInternational = checkCountry(digits);
	if (digits.startsWith(defaultCountryCode) && 'number' in asInternational) return asInternational;
	const asNational = checkCountry(defaultCountryCode + digits);
	return 'number' in asNational || !('number' in asInternational) ? asNational : asInternational;
}

/** A national number without its trunk prefix 0, except where the 0 is part of the number. */
function nationalPart(countryCode: string, digits: string): string {
	return ZERO_IS_PART_OF_THE_NUMBER.has(countryCode) ? digits : digits.replace(/^0/, '');
}

function checkCountry(digits: string): PhoneNumberReading {
	if (digits.length > MAX_PHONE_DIGITS) return { problem: 'too long', digits };
	const countryCode = countryCallingCodeOf(digits);
	if (countryCode === undefined) return { problem: 'no such country code', digits };
	const length = nationalNumberLength(countryCode) as NationalNumberLength;
	const national = digits.length - countryCode.length;
	if (national < length.shortest || national > length.longest) {
		return { problem: 'wrong length for its country', digits, countryCode, length };
	}
	return { number: digits };
}

/** A Default Country Code as typed (`91`, `+91`, `0091`) → `91`; undefined if no country has it. */
export function normaliseCountryCode(input: string): string | undefined {
	const code = input.trim().replace(/^(\+|00)/, '');
	return /^\d{1,3}$/.test(code) && nationalNumberLength(code) !== undefined ? code : undefined;
}

export function phoneNumberToJid(number: string): string {
	return `${number}@s.whatsapp.net`;
}
