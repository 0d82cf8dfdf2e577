// Interactive buttons (quick reply, URL, call, copy code) and legacy template buttons:
// from the node's fields or from JSON to the gateway's message format, validated up front.
import type { IDataObject } from 'n8n-workflow';

import { normalisePhoneNumber } from '../../shared/whatsapp-ids';
import { InputError, requireHttpUrl, requireText } from '../../shared/input-error';
import { isObject, textOf, tryParseJson } from '../../shared/values';
import { checkCount, checkUnique, parseJsonArray } from './json-input';

export type ButtonType = 'quick_reply' | 'cta_url' | 'cta_call' | 'cta_copy';

/** One button as the node's fields describe it. */
export interface ButtonFields {
	type?: ButtonType;
	displayText?: string;
	id?: string;
	url?: string;
	phoneNumber?: string;
	copyCode?: string;
}

/** A validated button, in a shape both the gateway formats and the plain-text fallback use. */
export interface Button {
	type: ButtonType;
	displayText: string;
	id?: string;
	url?: string;
	phoneNumber?: string;
	copyCode?: string;
}

export const MAX_INTERACTIVE_BUTTONS = 10;
export const MAX_TEMPLATE_BUTTONS = 3;
const FIELD = 'Buttons';

export function buttonsFromFields(buttons: ButtonFields[], max: number, types: ButtonType[]): Button[] {
	checkCount(FIELD, buttons.length, 1, max, 'buttons');
	const result = buttons.map((fields, index) => validateButton(fields, index, types));
	checkReplyIds(FIELD, result);
	return result;
}

function checkReplyIds(field: string, buttons: Button[]): void {
	checkUnique(field, buttons.flatMap((button) => (button.id === undefined ? [] : [button.id])), 'Reply ID');
}

function validateButton(fields: ButtonFields, index: number, types: ButtonType[], field = FIELD): Button {
	const label = `${field} → button ${index + 1}`;
	const type = fields.type ?? 'quick_reply';
	if (!types.includes(type)) throw new InputError(label, `type "${type}" is not supported here`);
	const displayText = requireText(`${label} → Button Text`, fields.displayText);
	switch (type) {
		case 'quick_reply':
			return { type, displayText, id: textOf(fields.id) || displayText };
		case 'cta_url':
			return { type, displayText, url: requireHttpUrl(`${label} → URL`, fields.url) };
		case 'cta_call': {
			const typed = requireText(`${label} → Phone Number`, fields.phoneNumber);
			const digits = normalisePhoneNumber(typed);
			if (digits === undefined) {
				throw new InputError(`${label} → Phone Number`, `"${typed}" is not a valid phone number`, 'Use the country code and number, e.g. +919876543210.');
			}
			return { type, displayText, phoneNumber: `+${digits}` };
		}
		case 'cta_copy':
			return { type, displayText, copyCode: requireText(`${label} → Code to Copy`, fields.copyCode) };
	}
}

/** The gateway's `interactiveButtons`: `buttonParamsJson` must be a JSON *string*. */
export function toInteractiveButtons(buttons: Button[]): IDataObject[] {
	return buttons.map((button) => {
		const params: IDataObject = { display_text: button.displayText };
		if (button.type === 'quick_reply') params.id = button.id;
		if (button.type === 'cta_url') params.url = button.url;
		if (button.type === 'cta_call') params.phone_number = button.phoneNumber;
		if (button.type === 'cta_copy') params.copy_code = button.copyCode;
		return { name: button.type, buttonParamsJson: JSON.stringify(params) };
	});
}

/** The gateway's `templateButtons` (quick reply, URL and call buttons, numbered from 1). */
export function toTemplateButtons(buttons: Button[]): IDataObject[] {
	return buttons.map((button, index) => {
		if (button.type === 'cta_url') return { index: index + 1, urlButton: { displayText: button.displayText, url: button.url } };
		if (button.type === 'cta_call') {
			return { index: index + 1, callButton: { displayText: button.displayText, phoneNumber: button.phoneNumber } };
		}
		return { index: index + 1, quickReplyButton: { displayText: button.displayText, id: button.id } };
	});
}

/**
 * JSON mode for interactive buttons: the gateway's own format, `[{ name, buttonParamsJson }]`,
 * where `buttonParamsJson` may be written as an object for convenience (it is sent as a string).
 */
export function buttonsFromInteractiveJson(field: string, value: unknown): Button[] {
	const entries = parseJsonArray(field, value);
	checkCount(field, entries.length, 1, MAX_INTERACTIVE_BUTTONS, 'buttons');
	const buttons = entries.map((entry, index) => {
		const label = `${field} → button ${index + 1}`;
		if (!isObject(entry)) throw new InputError(label, 'must be an object with name and buttonParamsJson');
		let params = entry.buttonParamsJson;
		if (typeof params === 'string') {
			const result = tryParseJson(params);
			if ('problem' in result) throw new InputError(label, `buttonParamsJson is not valid JSON (${result.problem})`);
			params = result.value;
		}
		if (!isObject(params)) throw new InputError(label, 'needs buttonParamsJson with display_text');
		return validateButton(
			{
				type: entry.name as ButtonType,
				displayText: textOf(params.display_text),
				id: textOf(params.id),
				url: textOf(params.url),
				phoneNumber: textOf(params.phone_number),
				copyCode: textOf(params.copy_code),
			},
			index,
			['quick_reply', 'cta_url', 'cta_call', 'cta_copy'],
			field,
		);
	});
	checkReplyIds(field, buttons);
	return buttons;
}

/**
 * The gateway's template button kinds, in the order an entry is read: the key holding each,
 * and the value it has besides the display text (the same name in the gateway and here).
 */
const TEMPLATE_BUTTON_KINDS: Array<{ key: string; type: ButtonType; value: 'id' | 'url' | 'phoneNumber' }> = [
	{ key: 'urlButton', type: 'cta_url', value: 'url' },
	{ key: 'callButton', type: 'cta_call', value: 'phoneNumber' },
	{ key: 'quickReplyButton', type: 'quick_reply', value: 'id' },
];

/** JSON mode for template buttons: the gateway's `templateButtons` format. */
export function buttonsFromTemplateJson(field: string, value: unknown): Button[] {
	const entries = parseJsonArray(field, value);
	checkCount(field, entries.length, 1, MAX_TEMPLATE_BUTTONS, 'buttons');
	const buttons = entries.map((entry, index) => {
		const label = `${field} → button ${index + 1}`;
		if (!isObject(entry)) throw new InputError(label, 'must be an object such as {"quickReplyButton": {"displayText": "Yes", "id": "yes"}}');
		const found = TEMPLATE_BUTTON_KINDS.find(({ key }) => isObject(entry[key]));
		if (found === undefined) throw new InputError(label, 'needs quickReplyButton, urlButton or callButton');
		const button = entry[found.key] as Record<string, unknown>;
		return validateButton(
			{ type: found.type, displayText: textOf(button.displayText), [found.value]: textOf(button[found.value]) },
			index,
			TEMPLATE_BUTTON_KINDS.map(({ type }) => type),
			field,
		);
	});
	checkReplyIds(field, buttons);
	return buttons;
}
