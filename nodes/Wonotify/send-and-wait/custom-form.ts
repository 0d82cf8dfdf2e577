// The Custom Form's fields, from the node's fields or from JSON, checked before the message
// goes out (a form that cannot be shown must fail the node, not the person who taps the link).
import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared/input-error';
import { isObject, textOf } from '../../shared/values';
import { parseJsonArray } from '../interactive/json-input';
import { FORM_FIELD_TYPES } from './operation-fields';

export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export interface FormField {
	label: string;
	type: FormFieldType;
	choices: string[];
	required: boolean;
}

const JSON_FIELD = 'Form Fields (JSON)';

/**
 * The node's form, read through `parameter` (the execution and the webhook read parameters
 * with and without an item index).
 */
export function formFieldsOfNode(parameter: (name: string, fallback: unknown) => unknown): FormField[] {
	return readFormFields(parameter('defineForm', 'fields'), parameter('formFields.values', []), parameter('jsonOutput', '[]'));
}

/** `defineForm` and the fields as n8n hands them over (the JSON may arrive parsed). */
export function readFormFields(defineForm: unknown, fields: unknown, json: unknown): FormField[] {
	const entries = defineForm === 'json' ? parseJsonArray(JSON_FIELD, json) : ((fields as IDataObject[] | undefined) ?? []);
	const where = defineForm === 'json' ? JSON_FIELD : 'Form Fields';
	if (entries.length === 0) throw new InputError(where, 'has no fields; add at least one');
	const result = entries.map((entry, index) => toField(entry, `${where} → field ${index + 1}`));
	const labels = new Set<string>();
	for (const { label } of result) {
		if (labels.has(label)) throw new InputError(where, `"${label}" is used twice; each field needs its own label (it names the answer)`);
		labels.add(label);
	}
	return result;
}

function toField(entry: unknown, where: string): FormField {
	if (!isObject(entry)) throw new InputError(where, 'must be an object such as {"fieldLabel": "Notes", "fieldType": "textarea"}');
	const label = textOf(entry.fieldLabel);
	if (label === '') throw new InputError(where, 'needs a fieldLabel');
	const type = (textOf(entry.fieldType) || 'text') as FormFieldType;
	if (!FORM_FIELD_TYPES.includes(type)) throw new InputError(where, `fieldType "${type}" is not one of ${FORM_FIELD_TYPES.join(', ')}`);
	const rawChoices = Array.isArray(entry.choices) ? entry.choices : String(entry.choices ?? '').split(',');
	const choices = rawChoices.map(textOf).filter((choice) => choice !== '');
	if (type === 'dropdown' && choices.length === 0) throw new InputError(where, `"${label}" is a dropdown list without choices`);
	return { label, type, choices, required: entry.requiredField === true };
}

/** The answers of a posted form, by label; empty optional fields are left out. */
export function formAnswers(fields: FormField[], body: IDataObject): IDataObject {
	const answers: IDataObject = {};
	fields.forEach((field, index) => {
		const value = textOf(body[`field-${index}`]);
		if (value === '') return;
		answers[field.label] = field.type === 'number' && Number.isFinite(Number(value)) ? Number(value) : value;
	});
	return answers;
}
