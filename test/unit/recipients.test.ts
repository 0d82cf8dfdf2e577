import { InputError, requireHttpUrl, requireText } from '../../nodes/shared/input-error';
import { tryParseJson } from '../../nodes/shared/values';
import { parseGroupId, parsePersonRecipient, parseRecipient } from '../../nodes/Wonotify/sending/recipients';
import { inputErrorOf } from './input-error-of';


describe('parseRecipient', () => {
	it('normalises a typed phone number', () => {
		expect(parseRecipient('Phone Number', '+91 98765-43210')).toEqual({ kind: 'number', number: '919876543210' });
	});

	it('accepts a personal chat ID as the trigger gives it', () => {
		expect(parseRecipient('Chat ID', '919876543210@s.whatsapp.net')).toEqual({ kind: 'number', number: '919876543210' });
		expect(parseRecipient('Chat ID', '919876543210:7@c.us')).toEqual({ kind: 'number', number: '919876543210' });
	});

	it('accepts a number that an expression handed over as a JS number', () => {
		expect(parseRecipient('Phone Number', 919876543210)).toEqual({ kind: 'number', number: '919876543210' });
	});

	it('returns a group ID, trimmed, so a reply reaches a group too', () => {
		expect(parseRecipient('Chat ID', ' 120363023285171234@g.us ')).toEqual({
			kind: 'group',
			groupId: '120363023285171234@g.us',
		});
	});

	it('drops a "(0)" trunk prefix written after the country code', () => {
		expect(parseRecipient('Phone Number', '+44 (0)20 7946 0958')).toEqual({ kind: 'number', number: '442079460958' });
	});

	it("rejects a privacy ID (@lid) with a hint to use the trigger's from field", () => {
		const error = inputErrorOf(() => parseRecipient('Chat ID', '123456789012345@lid'));
		expect(error.field).toBe('Chat ID');
		expect(error.message).toBe('Chat ID: "123456789012345@lid" is a WhatsApp privacy ID (@lid), not a phone number');
		expect(error.hint).toBe('Use the from field of the Wonotify Trigger output, which holds the phone number.');
	});

	it.each(['12345', 'call me', '1234567890123456', '919876543210@broadcast'])('rejects %j naming the field, with a format hint', (value) => {
		const error = inputErrorOf(() => parseRecipient('Phone Number', value));
		expect(error.field).toBe('Phone Number');
		expect(error.message.startsWith(`Phone Number: "${value}" is not a valid phone number`)).toBe(true);
		expect(error.hint).toContain('e.g. 919876543210');
	});

	it.each([undefined, null, '', '   '])('rejects an empty value (%j) naming the field', (value) => {
		const error = inputErrorOf(() => parseRecipient('Chat ID', value));
		expect(error.message).toBe('Chat ID: is empty');
		expect(error.hint).toBe('Fill in Chat ID.');
	});
});

describe('parsePersonRecipient (buttons and lists)', () => {
	it('gives the digits of a valid number', () => {
		expect(parsePersonRecipient('Phone Number', '0044 20 7946 0958')).toBe('442079460958');
	});

	it("accepts a contact's chat ID as the trigger gives it", () => {
		expect(parsePersonRecipient('Phone Number or Chat ID', '919876543210@s.whatsapp.net')).toBe('919876543210');
	});

	it('refuses a group ID, saying plainly that buttons and lists cannot go to groups and what to use instead', () => {
		const error = inputErrorOf(() => parsePersonRecipient('Phone Number or Chat ID', ' 120363023285171234@g.us '));
		expect(error.field).toBe('Phone Number or Chat ID');
		expect(error.message).toBe(
			'Phone Number or Chat ID: "120363023285171234@g.us" is a group; buttons and lists can only be sent to a phone number, not to a group',
		);
		expect(error.hint).toContain('Send Text');
		expect(error.hint).toContain('Group resource');
	});

	it('rejects a privacy ID', () => {
		expect(inputErrorOf(() => parsePersonRecipient('Phone Number', '42@lid')).message).toContain('privacy ID (@lid)');
	});
});

describe('parseGroupId', () => {
	it('returns the group ID trimmed', () => {
		expect(parseGroupId('Group ID', '  120363023285171234@g.us\n')).toBe('120363023285171234@g.us');
	});

	it.each(['919876543210', '919876543210@s.whatsapp.net', '120363023285171234'])('rejects %j with a hint on the format', (value) => {
		const error = inputErrorOf(() => parseGroupId('Group ID', value));
		expect(error.field).toBe('Group ID');
		expect(error.message).toBe(`Group ID: "${value}" is not a WhatsApp group ID (it must end with @g.us)`);
		expect(error.hint).toContain('120363023285171234@g.us');
		expect(error.hint).toContain('groupId');
	});

	it('rejects an empty value', () => {
		expect(inputErrorOf(() => parseGroupId('Group ID', '')).message).toBe('Group ID: is empty');
	});
});

describe('InputError', () => {
	it('prefixes the message with the field and keeps field and hint', () => {
		const error = new InputError('Message', 'is too long', 'Shorten it.');
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('InputError');
		expect(error.message).toBe('Message: is too long');
		expect(error.field).toBe('Message');
		expect(error.hint).toBe('Shorten it.');
	});
});

describe('requireText', () => {
	it('trims strings', () => {
		expect(requireText('Message', '  Hello\n')).toBe('Hello');
	});

	it('turns numbers and booleans into text', () => {
		expect(requireText('Message', 42)).toBe('42');
		expect(requireText('Message', 0)).toBe('0');
		expect(requireText('Message', false)).toBe('false');
	});

	it.each([undefined, null, '', ' \n\t '])('rejects %j', (value) => {
		const error = inputErrorOf(() => requireText('Message', value));
		expect(error.field).toBe('Message');
		expect(error.message).toBe('Message: is empty');
		expect(error.hint).toBe('Fill in Message.');
	});
});

describe('requireHttpUrl', () => {
	it.each(['https://example.com/file.pdf', 'http://example.com', 'https://example.com/a?b=c#d'])('accepts %j', (url) => {
		expect(requireHttpUrl('Media URL', url)).toBe(url);
	});

	it('trims the URL', () => {
		expect(requireHttpUrl('Media URL', ' https://example.com/a.png ')).toBe('https://example.com/a.png');
	});

	it.each(['example.com/file.pdf', 'www.example.com', 'https://', 'not a url'])('rejects %j as not a URL', (value) => {
		const error = inputErrorOf(() => requireHttpUrl('Media URL', value));
		expect(error.field).toBe('Media URL');
		expect(error.message).toBe(`Media URL: "${value}" is not a valid URL`);
		expect(error.hint).toBe('Use a full public address that starts with https://.');
	});

	it.each(['ftp://example.com/file.pdf', 'javascript:alert(1)', 'file:///etc/passwd', 'mailto:someone@example.com'])(
		'rejects %j as not http(s)',
		(value) => {
			const error = inputErrorOf(() => requireHttpUrl('Media URL', value));
			expect(error.message).toBe(`Media URL: "${value}" must start with http:// or https://`);
		},
	);

	it('rejects an empty value', () => {
		expect(inputErrorOf(() => requireHttpUrl('Media URL', '')).message).toBe('Media URL: is empty');
	});
});

describe('tryParseJson', () => {
	it('gives the parsed value', () => {
		expect(tryParseJson('{"a":[1,"b",null]}')).toEqual({ value: { a: [1, 'b', null] } });
		expect(tryParseJson('null')).toEqual({ value: null });
	});

	it('gives the parser\'s problem instead of throwing', () => {
		const result = tryParseJson('{"a":');
		expect('problem' in result).toBe(true);
		expect((result as { problem: string }).problem).toMatch(/JSON/);
		expect('problem' in tryParseJson('')).toBe(true);
		expect('problem' in tryParseJson("{'a': 1}")).toBe(true);
	});
});
