// The item loop: every input item gives exactly one output item, in input order, paired
// with its input. All items are validated before the first request, so a typo in item 50
// does not leave a half-sent batch behind. With Continue On Fail, failed items carry their
// error and the others go on. Sends go one at a time unless Parallel Sends allows more.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_PARALLEL_SENDS } from './fields';
import { InputError } from './input-error';
import { runSendQueue } from './send-queue';
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

	const output: INodeExecutionData[] = prepared.map((call) => (call instanceof Error ? errorItem(call) : { json: {} }));
	let stoppingFailure: { itemIndex: number; error: Error } | undefined;
	const send = async (itemIndex: number) => {
		const call = prepared[itemIndex] as PreparedCall;
		try {
			const response = await wonotifyRequest(context, call.request, itemIndex);
			output[itemIndex] = await call.toOutput(context, response);
		} catch (error) {
			const failure = asNodeError(context, error, itemIndex);
			if (continueOnFail) output[itemIndex] = errorItem(failure);
			// In parallel, a later item can fail first: report the earliest, as a sequential run would.
			else if (stoppingFailure === undefined || itemIndex < stoppingFailure.itemIndex) {
				stoppingFailure = { itemIndex, error: failure };
			}
		}
	};
	const chats = prepared.map((call, itemIndex) => (call instanceof Error ? null : (call.orderKey ?? `item ${itemIndex}`)));
	const { delayMs, parallelSends } = readPacing(context);
	await runSendQueue(chats, send, {
		concurrency: parallelSends,
		delayMs,
		stopped: () => stoppingFailure !== undefined,
	});
	if (stoppingFailure !== undefined) throw stoppingFailure.error;
	return output.map((item, itemIndex) => ({ ...item, pairedItem: { item: itemIndex } }));
}

/** Node-wide settings, read from the first item: one batch has one pace. */
function readPacing(context: IExecuteFunctions): { delayMs: number; parallelSends: number } {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const seconds = Number(options.delaySeconds ?? 0);
	const parallel = Math.floor(Number(options.parallelSends ?? 1));
	return {
		delayMs: Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0,
		parallelSends: Number.isFinite(parallel) && parallel > 1 ? Math.min(parallel, MAX_PARALLEL_SENDS) : 1,
	};
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
