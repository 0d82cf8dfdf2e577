// Send and Wait's Custom Form: the fields as n8n hands them over (node fields or JSON, the
// JSON as text or already parsed), checked before the question goes out, and the answers of a
// posted form by label.
import { formAnswers, readFormFields } from '../../nodes/Wonotify/send-and-wait/custom-form';
import { inputErrorOf } from './input-error-of';

describe('readFormFields', () => {
	test('node fields: the type defaults to text, comma-separated choices are trimmed, required only when true', () => {
		const fields = readFormFields('fields', [{ fieldLabel: ' Name ' }, { fieldLabel: 'Table', fieldType: 'dropdown', choices: 'Inside, Terrace ,', requiredField: true }], '');
		expect(fields).toEqual([
			{ label: 'Name', type: 'text', choices: [], required: false },
			{ label: 'Table', type: 'dropdown', choices: ['Inside', 'Terrace'], required: true },
		]);
	});

	test('JSON as text or already parsed by n8n gives the same fields; choices may be a list (commas kept)', () => {
		const json = [{ fieldLabel: 'Size', fieldType: 'dropdown', choices: ['Small, slim', 'M'] }, { fieldLabel: 'Guests', fieldType: 'number', requiredField: true }];
		const expected = [
			{ label: 'Size', type: 'dropdown', choices: ['Small, slim', 'M'], required: false },
			{ label: 'Guests', type: 'number', choices: [], required: true },
		];
		expect(readFormFields('json', undefined, JSON.stringify(json))).toEqual(expected);
		expect(readFormFields('json', undefined, json)).toEqual(expected);
	});

	test.each([
		['no fields', 'fields', [], '', 'Form Fields: has no fields; add at least one'],
		['JSON that is not a list', 'json', undefined, '{"fieldLabel":"Notes"}', 'Form Fields (JSON): must be a JSON array ([ … ])'],
		['a field that is not an object', 'json', undefined, '["Notes"]', 'Form Fields (JSON) → field 1: must be an object such as {"fieldLabel": "Notes", "fieldType": "textarea"}'],
		['a blank label', 'fields', [{ fieldLabel: 'Name' }, { fieldLabel: '  ' }], '', 'Form Fields → field 2: needs a fieldLabel'],
		['an unknown type', 'json', undefined, '[{"fieldLabel":"When","fieldType":"time"}]', 'Form Fields (JSON) → field 1: fieldType "time" is not one of text, textarea, number, email, date, dropdown'],
		['a dropdown with blank choices', 'fields', [{ fieldLabel: 'Size', fieldType: 'dropdown', choices: ' , ' }], '', 'Form Fields → field 1: "Size" is a dropdown list without choices'],
		['one label twice (after trimming)', 'fields', [{ fieldLabel: 'Name' }, { fieldLabel: 'Name ' }], '', 'Form Fields: "Name" is used twice; each field needs its own label (it names the answer)'],
	])('%s is refused', (_case, defineForm, fields, json, message) => {
		expect(inputErrorOf(() => readFormFields(defineForm, fields, json)).message).toBe(message);
	});
});

describe('formAnswers', () => {
	const fields = readFormFields('json', undefined, [
		{ fieldLabel: 'Name' },
		{ fieldLabel: 'Guests', fieldType: 'number' },
		{ fieldLabel: 'Code', fieldType: 'text' },
		{ fieldLabel: 'Notes', fieldType: 'textarea' },
	]);

	test('by label, in the posted field order; numbers as numbers, text kept as typed', () => {
		expect(formAnswers(fields, { 'field-0': 'Ravi', 'field-1': '4.5', 'field-2': '007', 'field-3': 'Line 1\nLine 2' })).toEqual({
			Name: 'Ravi',
			Guests: 4.5,
			Code: '007',
			Notes: 'Line 1\nLine 2',
		});
	});

	test('empty or missing answers are left out; a number field with text keeps the text', () => {
		expect(formAnswers(fields, { 'field-0': '', 'field-1': 'four', unrelated: 'x' })).toEqual({ Guests: 'four' });
	});
});
