// Most instance operations are one GET with the instance ID; this builds them.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { resolveInstanceId } from '../../../shared/instance-id';
import { optionsCollection, readOptions, timeoutOption } from '../../fields/common-fields';
import type { WonotifyRequest } from '../../../shared/transport';
import type { OperationEntry, WonotifyOperation } from '../../types';

interface InstanceOperationSpec extends OperationEntry {
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
	// An instance operation whose fields all have defaults runs on the instance alone.
	const { endpoint, fields = [], query, request, output, examples = [{ parameters: {} }], ...entry } = spec;
	return {
		...entry,
		examples,
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
