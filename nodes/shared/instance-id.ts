// The Instance ID both nodes take: the field, and the rule that the node's value wins over the
// credential's Default Instance ID.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from './input-error';
import { getWonotifyCredentials } from './credentials';

export const instanceIdField: INodeProperties = {
	displayName: 'Instance ID',
	name: 'instanceId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 66F1C2A3B4D5E',
	description:
		'The Wonotify instance (one connected WhatsApp account) to use. Leave empty to use the Default Instance ID of the credential.',
};

/** The node's Instance ID, else the credential's default. */
export async function resolveInstanceId(context: IExecuteFunctions, itemIndex: number): Promise<string> {
	const { instanceId } = await getWonotifyCredentials(context);
	return pickInstanceId(context.getNodeParameter('instanceId', itemIndex, ''), instanceId);
}

/** Both nodes: the Instance ID typed in the node wins over the credential's default. */
export function pickInstanceId(fromNode: unknown, credentialDefault: string): string {
	const typed = String(fromNode ?? '').trim();
	if (typed !== '') return typed;
	if (credentialDefault !== '') return credentialDefault;
	throw new InputError(
		'Instance ID',
		'is empty',
		'Set the Instance ID in the node, or a Default Instance ID in the Wonotify API credential.',
	);
}
