// The item loop: every input item gives exactly one output item, in input order, paired
// with its input. All items are validated before the first request, so a typo in item 50
// does not leave a half-sent batch behind. With Continue On Fail, failed items carry their
// error and the others go on.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { InputError } from './input-error';
import { wonotifyRequest } from './transport';
import type { PreparedCall, WonotifyOperation } from './types';

export async function executeItems(
	context: IExecuteFunctions,
	operation: WonotifyOperation,
): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();

	const prepared: Array<PreparedCall | Error> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push(await operation.prepare(context, itemIndex));
		} catch (error) {
			const failure = asNodeError(context, error, itemIndex);
			if (!continueOnFail) throw failure;
			prepared.push(failure);
		}
	}

	const delayMs = readDelayMs(context);
	const output: INodeExecutionData[] = [];
	let sent = 0;
	for (let itemIndex = 0; itemIndex < prepared.length; itemIndex++) {
		const call = prepared[itemIndex];
		let result: INodeExecutionData;
		if (call instanceof Error) {
			result = errorItem(call);
		} else {
			if (sent > 0 && delayMs > 0) await sleep(delayMs);
			sent++;
			try {
				const response = await wonotifyRequest(context, call.request, itemIndex);
				result = await call.toOutput(context, response);
			} catch (error) {
				const failure = asNodeError(context, error, itemIndex);
				if (!continueOnFail) throw failure;
				result = errorItem(failure);
			}
		}
		output.push({ ...result, pairedItem: { item: itemIndex } });
	}
	return output;
}

function readDelayMs(context: IExecuteFunctions): number {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const seconds = Number(options.delaySeconds ?? 0);
	return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof InputError) {
		return new NodeOperationError(context.getNode(), `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: error.hint,
		});
	}
	if (error instanceof Error && 'context' in error) {
		(error as NodeOperationError).context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

function errorItem(error: Error): INodeExecutionData {
	const description = (error as { description?: unknown }).description;
	return { json: { error: error.message, ...(typeof description === 'string' && description ? { errorDescription: description } : {}) } };
}
