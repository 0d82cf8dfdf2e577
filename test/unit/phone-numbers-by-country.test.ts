// Phone numbers as people write them, country by country: each must reach that country, and
// a number whose digits cannot belong to its country code is refused before anything is sent.
import { countryCallingCodeOf, nationalNumberLength } from '../../nodes/shared/country-calling-codes';
import { normaliseCountryCode, readPhoneNumber } from '../../nodes/shared/whatsapp-ids';
import { parsePersonRecipient, parseRecipient } from '../../nodes/Wonotify/sending/recipients';
import { inputErrorOf } from './input-error-of';

const numberOf = (typed: string, defaultCountryCode = '') => parseRecipient('Phone Number', typed, defaultCountryCode);

// [country, as written internationally, as written at home, its country code, the digits sent]
const countries: Array<[string, string, string, string, string]> = [
	['India', '+91 98765 43210', '098765 43210', '91', '919876543210'],
	['United States', '+1 (415) 555-2671', '(415) 555-2671', '1', '14155552671'],
	['Canada', '+1 604-555-0199', '604 555 0199', '1', '16045550199'],
	['United Kingdom (mobile)', '+44 7700 900123', '07700 900123', '44', '447700900123'],
	['United Kingdom (London)', '+44 (0)20 7946 0958', '020 7946 0958', '44', '442079460958'],
	['Germany (mobile)', '+49 151 12345678', '0151 12345678', '49', '4915112345678'],
	['Germany (Berlin)', '+49 (0)30 1234567', '030/1234567', '49', '49301234567'],
	['France', '+33 6 12 34 56 78', '06 12 34 56 78', '33', '33612345678'],
	['Spain (no trunk 0)', '+34 612 34 56 78', '612 34 56 78', '34', '34612345678'],
	['Italy (mobile)', '+39 312 345 6789', '312 345 6789', '39', '393123456789'],
	['Italy (Rome, the 0 is part of the number)', '+39 06 1234 5678', '06 1234 5678', '39', '390612345678'],
	['the Netherlands', '+31 6 12345678', '06-12345678', '31', '31612345678'],
	['Belgium', '+32 470 12 34 56', '0470 12 34 56', '32', '32470123456'],
	['Switzerland', '+41 78 123 45 67', '078 123 45 67', '41', '41781234567'],
	['Austria', '+43 664 1234567', '0664 1234567', '43', '436641234567'],
	['Poland (no trunk 0)', '+48 512 345 678', '512 345 678', '48', '48512345678'],
	['Portugal (no trunk 0)', '+351 912 345 678', '912 345 678', '351', '351912345678'],
	['Ireland', '+353 85 123 4567', '085 123 4567', '353', '353851234567'],
	['Sweden', '+46 70 123 45 67', '070-123 45 67', '46', '46701234567'],
	['Norway (no trunk 0)', '+47 412 34 567', '412 34 567', '47', '4741234567'],
	['Greece (no trunk 0)', '+30 691 234 5678', '691 234 5678', '30', '306912345678'],
	['Turkey', '+90 532 123 45 67', '0532 123 45 67', '90', '905321234567'],
	['Russia', '+7 912 345-67-89', '912 345-67-89', '7', '79123456789'],
	['Brazil', '+55 11 91234-5678', '(11) 91234-5678', '55', '5511912345678'],
	['Mexico', '+52 55 1234 5678', '55 1234 5678', '52', '525512345678'],
	['Argentina (mobile, with its 9)', '+54 9 11 2345-6789', '9 11 2345-6789', '54', '5491123456789'],
	['Colombia', '+57 301 234 5678', '301 234 5678', '57', '573012345678'],
	['Chile', '+56 9 6123 4567', '9 6123 4567', '56', '56961234567'],
	['Peru', '+51 912 345 678', '912 345 678', '51', '51912345678'],
	['Nigeria', '+234 803 123 4567', '0803 123 4567', '234', '2348031234567'],
	['Kenya', '+254 712 345678', '0712 345678', '254', '254712345678'],
	['South Africa', '+27 82 123 4567', '082 123 4567', '27', '27821234567'],
	['Egypt', '+20 10 1234 5678', '010 1234 5678', '20', '201012345678'],
	['Morocco', '+212 6 12 34 56 78', '06 12 34 56 78', '212', '212612345678'],
	['Saudi Arabia', '+966 50 123 4567', '050 123 4567', '966', '966501234567'],
	['United Arab Emirates', '+971 50 123 4567', '050 123 4567', '971', '971501234567'],
	['Israel', '+972 52-123-4567', '052-123-4567', '972', '972521234567'],
	['Iran', '+98 912 345 6789', '0912 345 6789', '98', '989123456789'],
	['Pakistan', '+92 300 1234567', '0300 1234567', '92', '923001234567'],
	['Bangladesh', '+880 1712-345678', '01712-345678', '880', '8801712345678'],
	['Indonesia', '+62 812-3456-7890', '0812-3456-7890', '62', '6281234567890'],
	['the Philippines', '+63 917 123 4567', '0917 123 4567', '63', '639171234567'],
	['Vietnam', '+84 91 234 56 78', '091 234 56 78', '84', '84912345678'],
	['Thailand', '+66 81 234 5678', '081 234 5678', '66', '66812345678'],
	['Malaysia', '+60 12-345 6789', '012-345 6789', '60', '60123456789'],
	['Singapore (no trunk 0)', '+65 8123 4567', '8123 4567', '65', '6581234567'],
	['China', '+86 138 0013 8000', '138 0013 8000', '86', '8613800138000'],
	['Japan', '+81 90-1234-5678', '090-1234-5678', '81', '819012345678'],
	['South Korea', '+82 10-1234-5678', '010-1234-5678', '82', '821012345678'],
	['Australia', '+61 412 345 678', '0412 345 678', '61', '61412345678'],
	['New Zealand', '+64 21 123 4567', '021 123 4567', '64', '64211234567'],
	['Hong Kong (no trunk 0)', '+852 5123 4567', '5123 4567', '852', '85251234567'],
];

describe.each(countries)('%s', (_country, international, national, countryCode, digits) => {
	it(`${international}, 00… and without + are ${digits}`, () => {
		expect(numberOf(international)).toEqual({ kind: 'number', number: digits });
		expect(numberOf(international.replace('+', '00'))).toEqual({ kind: 'number', number: digits });
		// A "(0)" is dropped only after a written + or 00 (see whatsapp-ids.test.ts).
		if (!international.includes('(0)')) expect(numberOf(international.replace('+', ''))).toEqual({ kind: 'number', number: digits });
	});

	it(`${national} with Default Country Code ${countryCode} is ${digits}`, () => {
		expect(numberOf(national, countryCode)).toEqual({ kind: 'number', number: digits });
		expect(numberOf(national, `+${countryCode}`)).toEqual({ kind: 'number', number: digits });
	});

	it('a number written in full is kept with a default of another country', () => {
		const otherCountry = countryCode === '91' ? '44' : '91';
		expect(numberOf(international, otherCountry)).toEqual({ kind: 'number', number: digits });
	});
});

describe('numbers that cannot belong to their country code', () => {
	it('refuses 9876543210 (an Indian number without 91: +98 is Iran, which needs 10 digits after 98), hinting at the code', () => {
		const error = inputErrorOf(() => numberOf('9876543210'));
		expect(error.message).toBe(
			'Phone Number: "9876543210" is not a valid phone number: read as +98 76543210, it has 8 digits after the country code 98, where numbers have 10',
		);
		expect(error.hint).toContain('e.g. 91');
		expect(error.hint).toContain('Default Country Code');
	});

	it('accepts 9876543210 with Default Country Code 91, as 919876543210', () => {
		expect(numberOf('9876543210', '91')).toEqual({ kind: 'number', number: '919876543210' });
		expect(numberOf('09876543210', '91')).toEqual({ kind: 'number', number: '919876543210' });
		expect(numberOf('919876543210', '91')).toEqual({ kind: 'number', number: '919876543210' });
	});

	it('refuses a 16-digit number, saying how many digits it has', () => {
		const error = inputErrorOf(() => numberOf('+91 98765 43210 12345'));
		expect(error.message).toMatch(/is not a valid phone number: it has 17 digits, and a phone number has at most 15/);
		expect(inputErrorOf(() => numberOf('1234567890123456')).message).toMatch(/it has 16 digits/);
	});

	it.each([
		['a UK number with its trunk 0 kept after +44', '+44 020 7946 0958', /read as \+44 02079460958, it has 11 digits after the country code 44, where numbers have 9 to 10/],
		['an Indian number one digit short', '+91 98765 4321', /it has 9 digits after the country code 91, where numbers have 10/],
		['a German number with a digit too many', '+49 151 123456789', /it has 12 digits after the country code 49/],
		['a US number missing a digit', '+1 415 555 267', /it has 9 digits after the country code 1, where numbers have 10/],
		['a code no country has (28)', '+28 1234 5678', /no country code starts with 281/],
		['a national number read with the default', '98765', /read as \+91 98765/],
	])('refuses %s', (_label, typed, message) => {
		const error = inputErrorOf(() => numberOf(typed, typed === '98765' ? '91' : ''));
		expect(error.field).toBe('Phone Number');
		expect(error.message).toMatch(message);
	});

	it('refuses a national number (leading 0) when no Default Country Code is set, naming that field', () => {
		const error = inputErrorOf(() => numberOf('098765 43210'));
		expect(error.message).toBe('Phone Number: "098765 43210" is a national number (it starts with 0) without a country code');
		expect(error.hint).toContain('Default Country Code');
		expect(error.hint).toContain('Wonotify API credential');
	});

	it('buttons and lists read the default too', () => {
		expect(parsePersonRecipient('Phone Number', '07700 900123', '44')).toBe('447700900123');
		expect(inputErrorOf(() => parsePersonRecipient('Phone Number', '9876543210')).message).toMatch(/country code 98/);
	});
});

describe('what keeps working unchanged with a default', () => {
	it.each([
		['a chat ID from the trigger', '919876543210@s.whatsapp.net', { kind: 'number', number: '919876543210' }],
		['a chat ID with a device suffix', '447700900123:3@c.us', { kind: 'number', number: '447700900123' }],
		['a group ID', '120363023285171234@g.us', { kind: 'group', groupId: '120363023285171234@g.us' }],
		['an older group ID', '919876543210-1600000000@g.us', { kind: 'group', groupId: '919876543210-1600000000@g.us' }],
	])('%s', (_label, typed, expected) => {
		expect(numberOf(typed)).toEqual(expected);
		expect(numberOf(typed, '49')).toEqual(expected);
	});

	it('a @lid chat ID is still explained, default or not', () => {
		expect(inputErrorOf(() => numberOf('123456789012345@lid', '91')).message).toContain('privacy ID (@lid)');
	});
});

describe('Default Country Code', () => {
	it.each([
		['91', '91'],
		['+91', '91'],
		[' 0044 ', '44'],
		['1', '1'],
		['358', '358'],
	])('%j is %j', (typed, code) => {
		expect(normaliseCountryCode(typed)).toBe(code);
	});

	it.each(['abc', '999', '0', '+', '1234', '9 1'])('refuses %j, naming the credential field', (typed) => {
		expect(normaliseCountryCode(typed)).toBeUndefined();
		const error = inputErrorOf(() => numberOf('9876543210', typed));
		expect(error.field).toBe('Default Country Code');
		expect(error.hint).toContain('Wonotify API credential');
	});

	it('is not consulted when empty or blank', () => {
		expect(numberOf('919876543210', '  ')).toEqual({ kind: 'number', number: '919876543210' });
	});
});

describe('the table of country calling codes', () => {
	const codes = Array.from({ length: 999 }, (_, i) => String(i + 1)).filter((code) => nationalNumberLength(code) !== undefined);

	it('is a prefix code: no code is the start of another, so a number has at most one', () => {
		for (const code of codes) {
			for (const other of codes) if (other !== code) expect(other.startsWith(code)).toBe(false);
		}
		expect(codes.length).toBeGreaterThan(200);
	});

	it('finds the code a number starts with', () => {
		expect(countryCallingCodeOf('919876543210')).toBe('91');
		expect(countryCallingCodeOf('14155552671')).toBe('1');
		expect(countryCallingCodeOf('3519123456')).toBe('351');
		expect(countryCallingCodeOf('2812345678')).toBeUndefined();
	});

	it('keeps every length sensible (a national number of 4 to 13 digits, at most 15 with its code)', () => {
		for (const code of codes) {
			const length = nationalNumberLength(code)!;
			expect(length.shortest).toBeGreaterThanOrEqual(4);
			expect(length.shortest).toBeLessThanOrEqual(length.longest);
			expect(code.length + length.longest).toBeLessThanOrEqual(15);
		}
	});

	it('readPhoneNumber says why, for the caller to word it', () => {
		expect(readPhoneNumber('9876543210')).toEqual({
			problem: 'wrong length for its country',
			digits: '9876543210',
			countryCode: '98',
			length: { shortest: 10, longest: 10 },
		});
		expect(readPhoneNumber('0123456789')).toEqual({ problem: 'national without default' });
	});
});
