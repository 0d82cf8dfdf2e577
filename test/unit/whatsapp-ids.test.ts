import {
	MAX_PHONE_DIGITS,
	MIN_PHONE_DIGITS,
	isGroupId,
	isPrivacyId,
	jidToPhoneNumber,
	normalisePhoneNumber,
	phoneNumberToJid,
} from '../../nodes/shared/whatsapp-ids';

describe('normalisePhoneNumber', () => {
	it.each([
		['digits only', '919876543210', '919876543210'],
		['leading +', '+919876543210', '919876543210'],
		['spaces', '+91 98765 43210', '919876543210'],
		['dashes', '+91-98765-43210', '919876543210'],
		['dots', '91.98765.43210', '919876543210'],
		['brackets', '+1 (415) 555-2671', '14155552671'],
		['slash', '+49 30/1234567', '49301234567'],
		['surrounding whitespace', '  919876543210\t', '919876543210'],
		['leading 00', '00919876543210', '919876543210'],
		['leading 00 with brackets and dots', '(0091) 98765.43210', '919876543210'],
		['leading 00 with spaces', '0044 20 7946 0958', '442079460958'],
		['@s.whatsapp.net chat ID', '919876543210@s.whatsapp.net', '919876543210'],
		['@c.us chat ID', '919876543210@c.us', '919876543210'],
		['chat ID with :device suffix', '919876543210:12@s.whatsapp.net', '919876543210'],
		['chat ID in upper case', '919876543210@S.WHATSAPP.NET', '919876543210'],
		['chat ID with whitespace', ' 919876543210@c.us ', '919876543210'],
		['7 digits (minimum)', '1234567', '1234567'],
		['15 digits (maximum)', '123456789012345', '123456789012345'],
	])('%s: %j → %j', (_label, input, expected) => {
		expect(normalisePhoneNumber(input)).toBe(expected);
	});

	// "(0)" right after the country code is the trunk prefix, dialled only inside the country.
	it.each([
		['UK with spaces', '+44 (0)20 7946 0958', '442079460958'],
		['UK without spaces', '+44(0)2079460958', '442079460958'],
		['Germany', '+49 (0)30 1234567', '49301234567'],
		['the Netherlands, with dashes', '+31 (0)20-123-4567', '31201234567'],
		['spaces inside the brackets', '+44 ( 0 ) 20 7946 0958', '442079460958'],
		['a leading 00 instead of +', '0044 (0)20 7946 0958', '442079460958'],
		['the country code in brackets', '(+44) (0)20 7946 0958', '442079460958'],
		['a dash before the bracket', '+41-(0)44-668-1800', '41446681800'],
	])('drops a "(0)" trunk prefix after the country code: %s (%j → %j)', (_label, input, expected) => {
		expect(normalisePhoneNumber(input)).toBe(expected);
	});

	// Anywhere else, whether a 0 is a trunk prefix cannot be told from the text: it is kept.
	it.each([
		['a 0 that belongs to the number (Italy)', '+39 06 1234 5678', '390612345678'],
		['a "(0)" further into the number', '+44 20 (0)7946 0958', '4420079460958'],
		['a 0 without brackets after the country code', '+44 020 7946 0958', '4402079460958'],
		['an area code in brackets', '+1 (415) 555-2671', '14155552671'],
	])('keeps every other 0: %s (%j → %j)', (_label, input, expected) => {
		expect(normalisePhoneNumber(input)).toBe(expected);
	});

	// Italy, San Marino and the Vatican have no trunk prefix: a landline's leading 0 is part of
	// the number and is dialled from abroad too, so even a bracketed "(0)" is kept.
	it.each([
		['Italy', '+39 (0)2 1234 5678', '390212345678'],
		['Italy without spaces', '+39(0)612345678', '390612345678'],
		['Italy with a leading 00', '0039 (0)2 1234 5678', '390212345678'],
		['Italy with the country code in brackets', '(+39) (0)2 1234 5678', '390212345678'],
		['San Marino', '+378 (0)549 123456', '3780549123456'],
		['the Vatican', '+379 (0)6 1234 5678', '3790612345678'],
	])('keeps the "(0)" where the 0 belongs to the number: %s (%j → %j)', (_label, input, expected) => {
		expect(normalisePhoneNumber(input)).toBe(expected);
	});

	it.each([
		['France (+33, which also starts with 3)', '+33 (0)1 23 45 67 89', '33123456789'],
		['Ukraine (+380, right after +379)', '+380 (0)44 123 4567', '380441234567'],
	])('still drops the "(0)" after other codes: %s (%j → %j)', (_label, input, expected) => {
		expect(normalisePhoneNumber(input)).toBe(expected);
	});

	it('still refuses a "(0)" number without a country code (a local number)', () => {
		expect(normalisePhoneNumber('(0)20 7946 0958')).toBeUndefined();
	});

	it.each([
		['empty', ''],
		['whitespace only', '   '],
		['a lone +', '+'],
		['6 digits (too short)', '123456'],
		['16 digits (too long)', '1234567890123456'],
		['6 digits once 00 is removed', '00123456'],
		['letters', '91987654321O'],
		['a word', 'hello'],
		['a number with an extension', '+91 98765 43210 ext 5'],
		['an e-mail address', 'someone@example.com'],
		['a group ID', '120363023285171234@g.us'],
		['a privacy ID', '123456789012345@lid'],
		['a chat ID with letters', 'abc@s.whatsapp.net'],
		['a chat ID with too few digits', '123456@s.whatsapp.net'],
		['a chat ID with too many digits', '1234567890123456@s.whatsapp.net'],
		['an unknown JID server', '919876543210@broadcast'],
	])('rejects %s (%j)', (_label, input) => {
		expect(normalisePhoneNumber(input)).toBeUndefined();
	});

	it('uses 7 and 15 digits as its bounds', () => {
		expect(MIN_PHONE_DIGITS).toBe(7);
		expect(MAX_PHONE_DIGITS).toBe(15);
	});
});

describe('jidToPhoneNumber', () => {
	it.each([
		['919876543210@s.whatsapp.net', '919876543210'],
		['919876543210@c.us', '919876543210'],
		['919876543210:3@s.whatsapp.net', '919876543210'],
		['919876543210:12@c.us', '919876543210'],
	])('%j → %j', (jid, number) => {
		expect(jidToPhoneNumber(jid)).toBe(number);
	});

	it.each(['919876543210', '+919876543210@s.whatsapp.net', '120363023285171234@g.us', '123@lid', '919876543210@s.whatsapp.net.evil', ''])(
		'gives undefined for %j',
		(value) => {
			expect(jidToPhoneNumber(value)).toBeUndefined();
		},
	);
});

describe('phoneNumberToJid', () => {
	it('builds the personal chat ID, which normalises back to the number', () => {
		expect(phoneNumberToJid('919876543210')).toBe('919876543210@s.whatsapp.net');
		expect(normalisePhoneNumber(phoneNumberToJid('919876543210'))).toBe('919876543210');
	});
});

describe('isGroupId', () => {
	it.each([
		'120363023285171234@g.us',
		'919876543210-1600000000@g.us', // the older creator-timestamp form
		'120363023285171234@G.US',
		'  120363023285171234@g.us  ',
	])('accepts %j', (value) => {
		expect(isGroupId(value)).toBe(true);
	});

	it.each([
		'120363023285171234',
		'120363023285171234@s.whatsapp.net',
		'120363023285171234@g.us.example.com',
		'abc@g.us',
		'@g.us',
		'120363023285171234@lid',
		'',
	])('rejects %j', (value) => {
		expect(isGroupId(value)).toBe(false);
	});
});

describe('isPrivacyId', () => {
	it.each(['123456789012345@lid', '123456789012345@LID', ' 123456789012345@lid '])('accepts %j', (value) => {
		expect(isPrivacyId(value)).toBe(true);
	});

	it.each(['919876543210@s.whatsapp.net', '120363023285171234@g.us', '919876543210', 'lid', '123@lid.example'])(
		'rejects %j',
		(value) => {
			expect(isPrivacyId(value)).toBe(false);
		},
	);
});
