// Most instance operations are one GET with the instance ID; this builds them.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { resolveInstanceId } from '../../../shared/instance-id';
import { optionsCollection, readOptions, timeoutOption } from '../../fields/common-fields';
import type { WonotifyRequest } from '../../../shared/transport';
import type { WonotifyOperation } from '../../types';

interface InstanceOperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	endpoint: string;
	/** Extra fields before the options (e.g. a warning notice). */
	fields?: INodeProperties[];
	/** Extra query parameters read from the item's fields. */
	query?: (context: IExecuteFunctions, itemIndex: number) => IDataObject;
	request?: Partial<WonotifyRequest>;
	output?: (
		context: IExecuteFunctions,
		response: IDataObject,
		instanceId: string,
		itemIndex: number,
	) => Promise<INodeExecutionData> | INodeExecutionData;
}

export function instanceOperation(spec: InstanceOperationSpec): WonotifyOperation {
	const { endpoint, fields = [], query, request, output, ...entry } = spec;
	return {
		...entry,
		needsInstance: true,
		properties: [...fields, optionsCollection([timeoutOption])],
		async prepare(context, itemIndex) {
			const instanceId = await resolveInstanceId(context, itemIndex);
			const extra = query?.(context, itemIndex) ?? {};
			const { timeoutSeconds } = readOptions(context, itemIndex);
			return {
				request: { method: 'GET', endpoint, qs: { instance_id: instanceId, ...extra }, timeoutSeconds, ...request },
				toOutput: async (ctx, response) =>
					output
						? await output(ctx, response, instanceId, itemIndex)
						: { json: { instanceId, status: 'success', message: response.message ?? null, response } },
			};
		},
	};
}
