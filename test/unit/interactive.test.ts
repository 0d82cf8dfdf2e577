import {
	MAX_INTERACTIVE_BUTTONS,
	MAX_TEMPLATE_BUTTONS,
	buttonsFromFields,
	buttonsFromInteractiveJson,
	buttonsFromTemplateJson,
	toInteractiveButtons,
	toTemplateButtons,
	type Button,
	type ButtonFields,
	type ButtonType,
} from '../../nodes/Wonotify/interactive/buttons';
import { checkCount, checkUnique, parseJsonArray } from '../../nodes/Wonotify/interactive/json-input';
import { isObject, textOf } from '../../nodes/shared/values';
import {
	MAX_LIST_ROWS,
	sectionsFromFields,
	sectionsFromJson,
	toListSections,
	type ListRowFields,
} from '../../nodes/Wonotify/interactive/list';
import { buttonChoicesText, joinParagraphs, listChoicesText } from '../../nodes/Wonotify/interactive/plain-text';
import { inputErrorOf } from './input-error-of';

const ALL_TYPES: ButtonType[] = ['quick_reply', 'cta_url', 'cta_call', 'cta_copy'];
const TEMPLATE_TYPES: ButtonType[] = ['quick_reply', 'cta_url', 'cta_call'];


const quickReplies = (count: number): ButtonFields[] =>
	Array.from({ length: count }, (_, index) => ({ type: 'quick_reply', displayText: `Option ${index + 1}` }));

describe('limits', () => {
	it('match what WhatsApp allows', () => {
		expect(MAX_INTERACTIVE_BUTTONS).toBe(10);
		expect(MAX_TEMPLATE_BUTTONS).toBe(3);
		expect(MAX_LIST_ROWS).toBe(10);
	});
});

describe('buttonsFromFields', () => {
	it('validates every button type and normalises the call number', () => {
		const buttons = buttonsFromFields(
			[
				{ type: 'quick_reply', displayText: ' Yes ', id: ' yes ' },
				{ type: 'cta_url', displayText: 'Open shop', url: 'https://example.com/shop' },
				{ type: 'cta_call', displayText: 'Call us', phoneNumber: '+1 (234) 567-890' },
				{ type: 'cta_copy', displayText: 'Copy code', copyCode: ' PROMO2024 ' },
			],
			MAX_INTERACTIVE_BUTTONS,
			ALL_TYPES,
		);
		expect(buttons).toEqual([
			{ type: 'quick_reply', displayText: 'Yes', id: 'yes' },
			{ type: 'cta_url', displayText: 'Open shop', url: 'https://example.com/shop' },
			{ type: 'cta_call', displayText: 'Call us', phoneNumber: '+1234567890' },
			{ type: 'cta_copy', displayText: 'Copy code', copyCode: 'PROMO2024' },
		]);
	});

	it('treats a button without a type as a quick reply whose ID is its text', () => {
		expect(buttonsFromFields([{ displayText: 'Maybe' }], 3, TEMPLATE_TYPES)).toEqual([
			{ type: 'quick_reply', displayText: 'Maybe', id: 'Maybe' },
		]);
	});

	it('accepts exactly the maximum number of buttons', () => {
		expect(buttonsFromFields(quickReplies(10), MAX_INTERACTIVE_BUTTONS, ALL_TYPES)).toHaveLength(10);
		expect(buttonsFromFields(quickReplies(3), MAX_TEMPLATE_BUTTONS, TEMPLATE_TYPES)).toHaveLength(3);
	});

	it('rejects more than 10 interactive buttons', () => {
		const error = inputErrorOf(() => buttonsFromFields(quickReplies(11), MAX_INTERACTIVE_BUTTONS, ALL_TYPES));
		expect(error.message).toBe('Buttons: has 11 buttons; WhatsApp allows at most 10');
	});

	it('rejects more than 3 template buttons', () => {
		const error = inputErrorOf(() => buttonsFromFields(quickReplies(4), MAX_TEMPLATE_BUTTONS, TEMPLATE_TYPES));
		expect(error.message).toBe('Buttons: has 4 buttons; WhatsApp allows at most 3');
	});

	it('rejects no buttons at all', () => {
		const error = inputErrorOf(() => buttonsFromFields([], MAX_INTERACTIVE_BUTTONS, ALL_TYPES));
		expect(error.field).toBe('Buttons');
		expect(error.message).toMatch(/^Buttons: has no buttons; add at least one$/);
	});

	it('rejects two quick replies with the same reply ID', () => {
		const error = inputErrorOf(() =>
			buttonsFromFields(
				[
					{ type: 'quick_reply', displayText: 'Yes', id: 'answer' },
					{ type: 'quick_reply', displayText: 'No', id: 'answer' },
				],
				MAX_INTERACTIVE_BUTTONS,
				ALL_TYPES,
			),
		);
		expect(error.message).toBe('Buttons: Reply ID "answer" is used twice; each must be unique');
	});

	it('rejects two quick replies with the same text and no ID (the text is the ID)', () => {
		const error = inputErrorOf(() => buttonsFromFields([{ displayText: 'Yes' }, { displayText: 'Yes' }], 3, TEMPLATE_TYPES));
		expect(error.message).toBe('Buttons: Reply ID "Yes" is used twice; each must be unique');
	});

	it('allows URL buttons with the same text (they carry no reply ID)', () => {
		const buttons = buttonsFromFields(
			[
				{ type: 'cta_url', displayText: 'Open', url: 'https://a.example' },
				{ type: 'cta_url', displayText: 'Open', url: 'https://b.example' },
			],
			MAX_INTERACTIVE_BUTTONS,
			ALL_TYPES,
		);
		expect(buttons.map((button) => button.url)).toEqual(['https://a.example', 'https://b.example']);
	});

	it('rejects a type the message format does not support (copy code in a template)', () => {
		const error = inputErrorOf(() =>
			buttonsFromFields([{ type: 'cta_copy', displayText: 'Copy', copyCode: 'X' }], MAX_TEMPLATE_BUTTONS, TEMPLATE_TYPES),
		);
		expect(error.message).toBe('Buttons → button 1: type "cta_copy" is not supported here');
	});

	it('names the button and the missing field', () => {
		const error = inputErrorOf(() => buttonsFromFields([{ displayText: 'A' }, { displayText: '  ' }], 10, ALL_TYPES));
		expect(error.field).toBe('Buttons → button 2 → Button Text');
		expect(error.message).toBe('Buttons → button 2 → Button Text: is empty');
	});

	it('rejects a URL button without a URL', () => {
		const error = inputErrorOf(() => buttonsFromFields([{ type: 'cta_url', displayText: 'Open' }], 10, ALL_TYPES));
		expect(error.message).toBe('Buttons → button 1 → URL: is empty');
	});

	it('rejects a URL button with a URL that is not http(s)', () => {
		const error = inputErrorOf(() =>
			buttonsFromFields([{ type: 'cta_url', displayText: 'Open', url: 'ftp://example.com' }], 10, ALL_TYPES),
		);
		expect(error.message).toBe('Buttons → button 1 → URL: "ftp://example.com" must start with http:// or https://');
	});

	it('rejects a URL button with an address that is not a URL', () => {
		const error = inputErrorOf(() => buttonsFromFields([{ type: 'cta_url', displayText: 'Open', url: 'example.com' }], 10, ALL_TYPES));
		expect(error.message).toBe('Buttons → button 1 → URL: "example.com" is not a valid URL');
	});

	it('rejects a call button without a valid phone number', () => {
		expect(inputErrorOf(() => buttonsFromFields([{ type: 'cta_call', displayText: 'Call' }], 10, ALL_TYPES)).message).toBe(
			'Buttons → button 1 → Phone Number: is empty',
		);
		const error = inputErrorOf(() =>
			buttonsFromFields([{ type: 'cta_call', displayText: 'Call', phoneNumber: '12-34' }], 10, ALL_TYPES),
		);
		expect(error.message).toBe('Buttons → button 1 → Phone Number: "12-34" is not a valid phone number');
		expect(error.hint).toContain('+919876543210');
	});

	it('calls the international number of a call button written with a "(0)" trunk prefix', () => {
		const [button] = buttonsFromFields([{ type: 'cta_call', displayText: 'Call', phoneNumber: '+44 (0)20 7946 0958' }], 10, ALL_TYPES);
		expect(button.phoneNumber).toBe('+442079460958');
	});

	it('rejects a copy-code button without a code', () => {
		const error = inputErrorOf(() => buttonsFromFields([{ type: 'cta_copy', displayText: 'Copy' }], 10, ALL_TYPES));
		expect(error.message).toBe('Buttons → button 1 → Code to Copy: is empty');
	});
});

describe('toInteractiveButtons', () => {
	const buttons: Button[] = [
		{ type: 'quick_reply', displayText: 'Test', id: '685250bce39ca' },
		{ type: 'cta_url', displayText: 'Click me!', url: 'https://example.com' },
		{ type: 'cta_call', displayText: 'Call Us', phoneNumber: '+1234567890' },
		{ type: 'cta_copy', displayText: 'Copy Code', copyCode: 'PROMO2024' },
	];

	it('gives the gateway format, with buttonParamsJson as a JSON string exactly as documented', () => {
		expect(toInteractiveButtons(buttons)).toEqual([
			{ name: 'quick_reply', buttonParamsJson: '{"display_text":"Test","id":"685250bce39ca"}' },
			{ name: 'cta_url', buttonParamsJson: '{"display_text":"Click me!","url":"https://example.com"}' },
			{ name: 'cta_call', buttonParamsJson: '{"display_text":"Call Us","phone_number":"+1234567890"}' },
			{ name: 'cta_copy', buttonParamsJson: '{"display_text":"Copy Code","copy_code":"PROMO2024"}' },
		]);
	});

	it('escapes quotes in the button text inside the JSON string', () => {
		const [button] = toInteractiveButtons([{ type: 'quick_reply', displayText: 'Say "hi"', id: 'a\\b' }]);
		expect(typeof button.buttonParamsJson).toBe('string');
		expect(JSON.parse(button.buttonParamsJson as string)).toEqual({ display_text: 'Say "hi"', id: 'a\\b' });
	});
});

describe('toTemplateButtons', () => {
	it('numbers the buttons from 1 and uses quickReplyButton / urlButton / callButton', () => {
		expect(
			toTemplateButtons([
				{ type: 'quick_reply', displayText: 'Yes', id: 'yes' },
				{ type: 'cta_url', displayText: 'Website', url: 'https://example.com' },
				{ type: 'cta_call', displayText: 'Call', phoneNumber: '+919876543210' },
			]),
		).toEqual([
			{ index: 1, quickReplyButton: { displayText: 'Yes', id: 'yes' } },
			{ index: 2, urlButton: { displayText: 'Website', url: 'https://example.com' } },
			{ index: 3, callButton: { displayText: 'Call', phoneNumber: '+919876543210' } },
		]);
	});
});

describe('buttonsFromInteractiveJson', () => {
	const FIELD = 'Buttons (JSON)';

	it('reads the gateway format, with buttonParamsJson as a string or as an object', () => {
		const json = JSON.stringify([
			{ name: 'quick_reply', buttonParamsJson: '{"display_text":"Test","id":"685250bce39ca"}' },
			{ name: 'cta_url', buttonParamsJson: { display_text: 'Click me!', url: 'https://example.com' } },
			{ name: 'cta_call', buttonParamsJson: { display_text: 'Call Us', phone_number: '+1 234 567 890' } },
			{ name: 'cta_copy', buttonParamsJson: { display_text: 'Copy Code', copy_code: 'PROMO2024' } },
		]);
		const buttons = buttonsFromInteractiveJson(FIELD, json);
		expect(buttons).toEqual([
			{ type: 'quick_reply', displayText: 'Test', id: '685250bce39ca' },
			{ type: 'cta_url', displayText: 'Click me!', url: 'https://example.com' },
			{ type: 'cta_call', displayText: 'Call Us', phoneNumber: '+1234567890' },
			{ type: 'cta_copy', displayText: 'Copy Code', copyCode: 'PROMO2024' },
		]);
		// …and sends buttonParamsJson back as a string.
		expect(toInteractiveButtons(buttons).map((button) => typeof button.buttonParamsJson)).toEqual([
			'string',
			'string',
			'string',
			'string',
		]);
	});

	it('accepts an array n8n has already parsed', () => {
		expect(buttonsFromInteractiveJson(FIELD, [{ name: 'quick_reply', buttonParamsJson: { display_text: 'Yes', id: 7 } }])).toEqual([
			{ type: 'quick_reply', displayText: 'Yes', id: '7' },
		]);
	});

	it('rejects an empty field', () => {
		const error = inputErrorOf(() => buttonsFromInteractiveJson(FIELD, '  '));
		expect(error.message).toBe('Buttons (JSON): is empty');
		expect(error.hint).toBe('Fill in Buttons (JSON) with a JSON array.');
	});

	it('rejects invalid JSON, quoting the parser', () => {
		const error = inputErrorOf(() => buttonsFromInteractiveJson(FIELD, '[{"name": "quick_reply",}]'));
		expect(error.field).toBe(FIELD);
		expect(error.message).toMatch(/^Buttons \(JSON\): is not valid JSON \(.+\)$/);
		expect(error.hint).toBe('Check quotes, commas and brackets.');
	});

	it('rejects JSON that is not an array', () => {
		const error = inputErrorOf(() => buttonsFromInteractiveJson(FIELD, '{"name": "quick_reply"}'));
		expect(error.message).toBe('Buttons (JSON): must be a JSON array ([ … ])');
	});

	it('rejects an empty array', () => {
		expect(inputErrorOf(() => buttonsFromInteractiveJson(FIELD, '[]')).message).toMatch(/^Buttons \(JSON\): has no buttons; add at least one$/);
	});

	it('rejects more than 10 buttons', () => {
		const entries = Array.from({ length: 11 }, (_, index) => ({
			name: 'quick_reply',
			buttonParamsJson: { display_text: `B${index}`, id: `b${index}` },
		}));
		expect(inputErrorOf(() => buttonsFromInteractiveJson(FIELD, entries)).message).toBe(
			'Buttons (JSON): has 11 buttons; WhatsApp allows at most 10',
		);
	});

	it('rejects an entry that is not an object', () => {
		expect(inputErrorOf(() => buttonsFromInteractiveJson(FIELD, '["Yes"]')).message).toBe(
			'Buttons (JSON) → button 1: must be an object with name and buttonParamsJson',
		);
	});

	it('rejects buttonParamsJson that is a string but not JSON', () => {
		const error = inputErrorOf(() =>
			buttonsFromInteractiveJson(FIELD, [{ name: 'quick_reply', buttonParamsJson: "{'display_text': 'Yes'}" }]),
		);
		expect(error.message).toMatch(/^Buttons \(JSON\) → button 1: buttonParamsJson is not valid JSON \(.+\)$/);
	});

	it('rejects an entry without buttonParamsJson', () => {
		expect(inputErrorOf(() => buttonsFromInteractiveJson(FIELD, [{ name: 'quick_reply' }])).message).toBe(
			'Buttons (JSON) → button 1: needs buttonParamsJson with display_text',
		);
	});

	it('rejects an unknown button name', () => {
		const error = inputErrorOf(() =>
			buttonsFromInteractiveJson(FIELD, [{ name: 'send_location', buttonParamsJson: { display_text: 'Where' } }]),
		);
		expect(error.message).toBe('Buttons (JSON) → button 1: type "send_location" is not supported here');
	});

	it('names the JSON field and the button when a value is missing or wrong', () => {
		expect(
			inputErrorOf(() => buttonsFromInteractiveJson(FIELD, [{ name: 'quick_reply', buttonParamsJson: { id: 'x' } }])).field,
		).toMatch(/^Buttons \(JSON\) → button 1 → /);
		const error = inputErrorOf(() =>
			buttonsFromInteractiveJson(FIELD, [
				{ name: 'quick_reply', buttonParamsJson: { display_text: 'Yes' } },
				{ name: 'cta_url', buttonParamsJson: { display_text: 'Open', url: 'www.example.com' } },
			]),
		);
		expect(error.field).toMatch(/^Buttons \(JSON\) → button 2 → /);
		expect(error.message).toContain('"www.example.com" is not a valid URL');
	});

	it('rejects a URL button without a url', () => {
		const error = inputErrorOf(() => buttonsFromInteractiveJson(FIELD, [{ name: 'cta_url', buttonParamsJson: { display_text: 'Open' } }]));
		expect(error.message).toMatch(/^Buttons \(JSON\) → button 1 → URL: is empty$/);
	});

	it('rejects duplicate reply IDs, naming the JSON field', () => {
		const error = inputErrorOf(() =>
			buttonsFromInteractiveJson(FIELD, [
				{ name: 'quick_reply', buttonParamsJson: { display_text: 'Yes', id: 'same' } },
				{ name: 'quick_reply', buttonParamsJson: { display_text: 'No', id: 'same' } },
			]),
		);
		expect(error.message).toBe('Buttons (JSON): Reply ID "same" is used twice; each must be unique');
	});
});

describe('buttonsFromTemplateJson', () => {
	const FIELD = 'Buttons (JSON)';

	it('reads the gateway templateButtons format and renumbers the buttons', () => {
		const buttons = buttonsFromTemplateJson(
			FIELD,
			JSON.stringify([
				{ index: 5, quickReplyButton: { displayText: 'Yes', id: 'yes' } },
				{ index: 1, urlButton: { displayText: 'Website', url: 'https://example.com' } },
				{ callButton: { displayText: 'Call', phoneNumber: '+91 98765 43210' } },
			]),
		);
		expect(buttons).toEqual([
			{ type: 'quick_reply', displayText: 'Yes', id: 'yes' },
			{ type: 'cta_url', displayText: 'Website', url: 'https://example.com' },
			{ type: 'cta_call', displayText: 'Call', phoneNumber: '+919876543210' },
		]);
		expect(toTemplateButtons(buttons)).toEqual([
			{ index: 1, quickReplyButton: { displayText: 'Yes', id: 'yes' } },
			{ index: 2, urlButton: { displayText: 'Website', url: 'https://example.com' } },
			{ index: 3, callButton: { displayText: 'Call', phoneNumber: '+919876543210' } },
		]);
	});

	it('rejects more than 3 buttons', () => {
		const entries = Array.from({ length: 4 }, (_, index) => ({ quickReplyButton: { displayText: `B${index}` } }));
		expect(inputErrorOf(() => buttonsFromTemplateJson(FIELD, entries)).message).toBe(
			'Buttons (JSON): has 4 buttons; WhatsApp allows at most 3',
		);
	});

	it('rejects an entry of an unknown kind', () => {
		expect(inputErrorOf(() => buttonsFromTemplateJson(FIELD, [{ index: 1, copyButton: { displayText: 'X' } }])).message).toBe(
			'Buttons (JSON) → button 1: needs quickReplyButton, urlButton or callButton',
		);
	});

	it('rejects an entry that is not an object, with an example', () => {
		expect(inputErrorOf(() => buttonsFromTemplateJson(FIELD, [1])).message).toContain(
			'Buttons (JSON) → button 1: must be an object such as {"quickReplyButton"',
		);
	});

	it('rejects duplicate quick-reply IDs', () => {
		const error = inputErrorOf(() =>
			buttonsFromTemplateJson(FIELD, [{ quickReplyButton: { displayText: 'Yes' } }, { quickReplyButton: { displayText: 'Yes' } }]),
		);
		expect(error.message).toBe('Buttons (JSON): Reply ID "Yes" is used twice; each must be unique');
	});

	it('rejects a url button with a non-http URL, naming the JSON field', () => {
		const error = inputErrorOf(() =>
			buttonsFromTemplateJson(FIELD, [{ urlButton: { displayText: 'Site', url: 'javascript:alert(1)' } }]),
		);
		expect(error.field).toMatch(/^Buttons \(JSON\) → button 1 → /);
		expect(error.message).toContain('"javascript:alert(1)" must start with http:// or https://');
	});

	it('rejects invalid JSON', () => {
		expect(inputErrorOf(() => buttonsFromTemplateJson(FIELD, '[{')).message).toMatch(/^Buttons \(JSON\): is not valid JSON \(.+\)$/);
	});
});

describe('sectionsFromFields', () => {
	it('groups rows by section title, in order of first appearance, with IDs defaulting to the title', () => {
		const rows: ListRowFields[] = [
			{ section: 'Drinks', title: 'Tea', rowId: 'tea', description: 'Hot' },
			{ section: 'Food', title: 'Cake' },
			{ section: ' Drinks ', title: ' Coffee ', description: ' Strong ' },
		];
		expect(sectionsFromFields(rows)).toEqual([
			{
				title: 'Drinks',
				rows: [
					{ title: 'Tea', rowId: 'tea', description: 'Hot' },
					{ title: 'Coffee', rowId: 'Coffee', description: 'Strong' },
				],
			},
			{ title: 'Food', rows: [{ title: 'Cake', rowId: 'Cake', description: '' }] },
		]);
	});

	it('puts rows without a section title in one untitled section', () => {
		expect(sectionsFromFields([{ title: 'A' }, { title: 'B', section: '' }])).toEqual([
			{ title: '', rows: [{ title: 'A', rowId: 'A', description: '' }, { title: 'B', rowId: 'B', description: '' }] },
		]);
	});

	it('accepts 10 rows and rejects 11', () => {
		const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ title: `Row ${index + 1}` }));
		expect(sectionsFromFields(rows(10))[0].rows).toHaveLength(10);
		expect(inputErrorOf(() => sectionsFromFields(rows(11))).message).toBe('Rows: has 11 rows; WhatsApp allows at most 10');
	});

	it('rejects an empty list', () => {
		const error = inputErrorOf(() => sectionsFromFields([]));
		expect(error.field).toBe('Rows');
		expect(error.message).toMatch(/^Rows: has no rows; add at least one$/);
	});

	it('rejects a row without a title, naming the row', () => {
		expect(inputErrorOf(() => sectionsFromFields([{ title: 'A' }, { rowId: 'b' }])).message).toBe('Rows → row 2 → Title: is empty');
	});

	it('rejects duplicate row IDs, also across sections', () => {
		const error = inputErrorOf(() =>
			sectionsFromFields([
				{ section: 'One', title: 'A', rowId: 'x' },
				{ section: 'Two', title: 'B', rowId: 'x' },
			]),
		);
		expect(error.message).toBe('Rows: Row ID "x" is used twice; each must be unique');
	});
});

describe('sectionsFromJson', () => {
	const FIELD = 'Sections (JSON)';

	it('reads the gateway sections format', () => {
		const sections = sectionsFromJson(
			FIELD,
			JSON.stringify([
				{ title: 'Drinks', rows: [{ title: 'Tea', rowId: 'tea', description: 'Hot' }, { title: 'Coffee' }] },
				{ rows: [{ title: 'Cake', rowId: 3 }] },
			]),
		);
		expect(sections).toEqual([
			{
				title: 'Drinks',
				rows: [
					{ title: 'Tea', rowId: 'tea', description: 'Hot' },
					{ title: 'Coffee', rowId: 'Coffee', description: '' },
				],
			},
			{ title: '', rows: [{ title: 'Cake', rowId: '3', description: '' }] },
		]);
	});

	it('rejects an empty array', () => {
		expect(inputErrorOf(() => sectionsFromJson(FIELD, '[]')).message).toMatch(/^Sections \(JSON\): has no sections; add at least one$/);
	});

	it('rejects a section without rows', () => {
		expect(inputErrorOf(() => sectionsFromJson(FIELD, [{ title: 'Empty', rows: [] }])).message).toBe(
			'Sections (JSON) → section 1: has no rows',
		);
		expect(inputErrorOf(() => sectionsFromJson(FIELD, [{ title: 'No rows' }])).message).toBe(
			'Sections (JSON) → section 1: must be an object with a rows array',
		);
	});

	it('counts rows across all sections against the limit of 10', () => {
		const section = (prefix: string, count: number) => ({
			title: prefix,
			rows: Array.from({ length: count }, (_, index) => ({ title: `${prefix}${index}` })),
		});
		expect(sectionsFromJson(FIELD, [section('a', 5), section('b', 5)])).toHaveLength(2);
		expect(inputErrorOf(() => sectionsFromJson(FIELD, [section('a', 6), section('b', 5)])).message).toBe(
			'Sections (JSON): has 11 rows; WhatsApp allows at most 10',
		);
	});

	it('rejects a row that is not an object or has no title, naming section and row', () => {
		expect(inputErrorOf(() => sectionsFromJson(FIELD, [{ rows: ['Tea'] }])).message).toBe(
			'Sections (JSON) → section 1 → row 1: must be an object with a title',
		);
		expect(inputErrorOf(() => sectionsFromJson(FIELD, [{ rows: [{ title: 'A' }] }, { rows: [{ rowId: 'b' }] }])).message).toBe(
			'Sections (JSON) → section 2 → row 1 → title: is empty',
		);
	});

	it('rejects duplicate row IDs across sections', () => {
		expect(
			inputErrorOf(() => sectionsFromJson(FIELD, [{ rows: [{ title: 'A', rowId: 'x' }] }, { rows: [{ title: 'B', rowId: 'x' }] }]))
				.message,
		).toBe('Sections (JSON): Row ID "x" is used twice; each must be unique');
	});

	it('rejects invalid JSON and non-arrays', () => {
		expect(inputErrorOf(() => sectionsFromJson(FIELD, '[{"rows": [}]')).message).toMatch(/^Sections \(JSON\): is not valid JSON \(.+\)$/);
		expect(inputErrorOf(() => sectionsFromJson(FIELD, { rows: [] })).message).toBe('Sections (JSON): must be a JSON array ([ … ])');
	});
});

describe('toListSections', () => {
	it('gives the gateway format: sections of rows with title, rowId and description', () => {
		expect(
			toListSections([
				{ title: 'Drinks', rows: [{ title: 'Tea', rowId: 'tea', description: 'Hot' }] },
				{ title: '', rows: [{ title: 'Cake', rowId: 'Cake', description: '' }] },
			]),
		).toEqual([
			{ title: 'Drinks', rows: [{ title: 'Tea', rowId: 'tea', description: 'Hot' }] },
			{ title: '', rows: [{ title: 'Cake', rowId: 'Cake', description: '' }] },
		]);
	});
});

describe('plain-text fallback', () => {
	it('numbers the buttons, adding what URL, call and copy buttons lead to', () => {
		expect(
			buttonChoicesText([
				{ type: 'quick_reply', displayText: 'Yes', id: 'yes' },
				{ type: 'cta_url', displayText: 'Website', url: 'https://example.com' },
				{ type: 'cta_call', displayText: 'Call us', phoneNumber: '+919876543210' },
				{ type: 'cta_copy', displayText: 'Your code', copyCode: 'PROMO2024' },
			]),
		).toBe('1. Yes\n2. Website: https://example.com\n3. Call us: +919876543210\n4. Your code: PROMO2024');
	});

	it('numbers list rows across sections, with bold section titles and descriptions', () => {
		expect(
			listChoicesText([
				{
					title: 'Drinks',
					rows: [
						{ title: 'Tea', rowId: 'tea', description: 'Hot' },
						{ title: 'Coffee', rowId: 'coffee', description: '' },
					],
				},
				{ title: 'Food', rows: [{ title: 'Cake', rowId: 'cake', description: 'Chocolate' }] },
			]),
		).toBe('*Drinks*\n1. Tea — Hot\n2. Coffee\n\n*Food*\n3. Cake — Chocolate');
	});

	it('leaves out the heading of an untitled section', () => {
		expect(listChoicesText(sectionsFromFields([{ title: 'A' }, { title: 'B' }]))).toBe('1. A\n2. B');
	});

	it('joins the parts that are set, a blank line apart', () => {
		expect(joinParagraphs('*Menu*', 'Pick one', undefined, '  ', '', '1. A\n2. B', 'Thanks')).toBe(
			'*Menu*\n\nPick one\n\n1. A\n2. B\n\nThanks',
		);
		expect(joinParagraphs(undefined, '')).toBe('');
	});
});

describe('json-input helpers', () => {
	it('parseJsonArray passes arrays through and parses strings', () => {
		const array = [1, 2];
		expect(parseJsonArray('F', array)).toBe(array);
		expect(parseJsonArray('F', ' [1, "a"] ')).toEqual([1, 'a']);
		expect(inputErrorOf(() => parseJsonArray('F', '"text"')).message).toBe('F: must be a JSON array ([ … ])');
		expect(inputErrorOf(() => parseJsonArray('F', undefined)).message).toBe('F: must be a JSON array ([ … ])');
	});

	it('isObject accepts plain objects only', () => {
		expect(isObject({})).toBe(true);
		expect(isObject([])).toBe(false);
		expect(isObject(null)).toBe(false);
		expect(isObject('{}')).toBe(false);
	});

	it('textOf trims strings, stringifies numbers and ignores anything else', () => {
		expect(textOf('  a ')).toBe('a');
		expect(textOf(12)).toBe('12');
		expect(textOf(true)).toBe('');
		expect(textOf({ a: 1 })).toBe('');
		expect(textOf(undefined)).toBe('');
	});

	it('checkCount enforces both bounds', () => {
		expect(() => checkCount('F', 1, 1, 3, 'items')).not.toThrow();
		expect(() => checkCount('F', 3, 1, 3, 'items')).not.toThrow();
		expect(inputErrorOf(() => checkCount('F', 0, 1, 3, 'items')).message).toBe('F: has no items; add at least one');
		expect(inputErrorOf(() => checkCount('F', 4, 1, 3, 'items')).message).toBe('F: has 4 items; WhatsApp allows at most 3');
	});

	it('checkUnique reports the first repeated ID', () => {
		expect(() => checkUnique('F', ['a', 'b', 'c'], 'ID')).not.toThrow();
		expect(inputErrorOf(() => checkUnique('F', ['a', 'b', 'b', 'a'], 'ID')).message).toBe('F: ID "b" is used twice; each must be unique');
	});
});
