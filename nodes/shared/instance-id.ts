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

// Instance IDs are letters and digits (the gateway's are 13 hex characters). Anything else,
// e.g. `66F1C2A3B4D5E&access_token=x`, `../../admin` or a pasted line break, would change the
// request it goes into.
const INSTANCE_ID = /^[A-Za-z0-9]{1,64}$/;

/** Both nodes: the Instance ID typed in the node wins over the credential's default. */
export function pickInstanceId(fromNode: unknown, credentialDefault: string): string {
	const typed = String(fromNode ?? '').trim();
	if (typed !== '') return checkShape('Instance ID', typed);
	if (credentialDefault !== '') return checkShape('Default Instance ID (in the Wonotify API credential)', credentialDefault);
	throw new InputError(
		'Instance ID',
		'is empty',
		'Set the Instance ID in the node, or a Default Instance ID in the Wonotify API credential.',
	);
}

function checkShape(field: string, instanceId: string): string {
	if (INSTANCE_ID.test(instanceId)) return instanceId;
	throw new InputError(
		field,
		`${JSON.stringify(instanceId)} is not an instance ID`,
		'An instance ID has only letters and digits, e.g. 66F1C2A3B4D5E: copy it again from the output of Instance → Create or from your Wonotify dashboard.',
	);
}
