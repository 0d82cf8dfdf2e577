// Text and media sends are the same for a phone number and a group; only the recipient
// field differs. These build both resources' operations.
import type { INodeProperties } from 'n8n-workflow';

import {
	delayOption,
	mediaFields,
	optionsCollection,
	parallelSendsOption,
	readOptions,
	textField,
	timeoutOption,
} from '../fields/common-fields';
import { getWonotifyCredentials } from '../../shared/credentials';
import { resolveInstanceId } from '../../shared/instance-id';
import { requireText } from '../../shared/input-error';
import type { Recipient } from '../sending/recipients';
import { readMediaContent, sendCall, textOrMediaRequest, type SendContent } from '../sending/send';
import type { WonotifyOperation } from '../types';

interface SendOperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	recipientField: INodeProperties;
	/** The recipient field's value → who gets it; a number without country code gets the default. */
	toRecipient: (value: unknown, defaultCountryCode: string) => Recipient;
}

const sendOptions = optionsCollection([delayOption, parallelSendsOption, timeoutOption]);

function sendOperation(
	spec: SendOperationSpec,
	contentFields: INodeProperties[],
	readContent: (...args: Parameters<WonotifyOperation['prepare']>) => SendContent,
): WonotifyOperation {
	const { recipientField, toRecipient, ...entry } = spec;
	return {
		...entry,
		needsInstance: true,
		properties: [recipientField, ...contentFields, sendOptions],
		async prepare(context, itemIndex) {
			const instanceId = await resolveInstanceId(context, itemIndex);
			const { defaultCountryCode } = await getWonotifyCredentials(context);
			const recipient = toRecipient(context.getNodeParameter(recipientField.name, itemIndex), defaultCountryCode);
			const content = readContent(context, itemIndex);
			const { timeoutSeconds } = readOptions(context, itemIndex);
			return sendCall(textOrMediaRequest(instanceId, recipient, content, timeoutSeconds), recipient, instanceId);
		},
	};
}

export function textOperation(spec: SendOperationSpec): WonotifyOperation {
	return sendOperation(spec, [textField], (context, itemIndex) => ({
		type: 'text',
		text: requireText(textField.displayName, context.getNodeParameter('message', itemIndex)),
	}));
}

export function mediaOperation(spec: SendOperationSpec): WonotifyOperation {
	return sendOperation(spec, mediaFields, readMediaContent);
}
