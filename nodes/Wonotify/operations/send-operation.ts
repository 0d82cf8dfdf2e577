// Text and media sends are the same for a phone number and a group; only the recipient
// field differs. These build both resources' operations.
import type { INodeProperties } from 'n8n-workflow';

import {
	delayOption,
	fileSourceField,
	inputBinaryField,
	linkExpiryOption,
	mediaFields,
	optionsCollection,
	parallelSendsOption,
	readOptions,
	requireMessageText,
	textField,
	timeoutOption,
} from '../fields/common-fields';
import { getWonotifyCredentials } from '../../shared/credentials';
import { resolveInstanceId } from '../../shared/instance-id';
import type { Recipient } from '../sending/recipients';
import { mediaSendCall, readMediaContent, sendCall, textOrMediaRequest, type SendContent } from '../sending/send';
import type { OperationEntry, WonotifyOperation } from '../types';

interface SendOperationSpec extends OperationEntry {
	recipientField: INodeProperties;
	/** The recipient field's value → who gets it; a number without country code gets the default. */
	toRecipient: (value: unknown, defaultCountryCode: string) => Recipient;
}

const sendOptions = optionsCollection([delayOption, parallelSendsOption, timeoutOption]);
const mediaSendOptions = optionsCollection([delayOption, linkExpiryOption, parallelSendsOption, timeoutOption]);

function sendOperation(
	spec: SendOperationSpec,
	contentFields: INodeProperties[],
	options: INodeProperties,
	readContent: (...args: Parameters<WonotifyOperation['prepare']>) => SendContent | Promise<SendContent>,
): WonotifyOperation {
	const { recipientField, toRecipient, ...entry } = spec;
	return {
		...entry,
		needsInstance: true,
		properties: [recipientField, ...contentFields, options],
		async prepare(context, itemIndex) {
			const instanceId = await resolveInstanceId(context, itemIndex);
			const { defaultCountryCode } = await getWonotifyCredentials(context);
			const recipient = toRecipient(context.getNodeParameter(recipientField.name, itemIndex), defaultCountryCode);
			const content = await readContent(context, itemIndex);
			const { timeoutSeconds } = readOptions(context, itemIndex);
			const call = sendCall(textOrMediaRequest(instanceId, recipient, content, timeoutSeconds), recipient, instanceId);
			return content.type === 'media' ? mediaSendCall(call, content) : call;
		},
	};
}

export function textOperation(spec: SendOperationSpec): WonotifyOperation {
	return sendOperation(spec, [textField], sendOptions, (context, itemIndex) => ({
		type: 'text',
		text: requireMessageText(context, itemIndex),
	}));
}

export function mediaOperation(spec: SendOperationSpec): WonotifyOperation {
	return sendOperation(spec, [fileSourceField, inputBinaryField, ...mediaFields], mediaSendOptions, readMediaContent);
}
