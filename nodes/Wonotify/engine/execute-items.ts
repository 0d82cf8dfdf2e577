// The item loop: every input item gives exactly one output item, in input order, paired
// with its input. All items are validated before the first request, so a typo in item 50
// does not leave a half-sent batch behind. With Continue On Fail, failed items carry their
// error and recipient and the others go on. Sends go one at a time unless Parallel Sends
// allows more.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withPartialBatchNote } from './batch-failure';
import { failedItem, recipientOf } from './failed-item';
import { MAX_DELAY_SECONDS, MAX_PARALLEL_SENDS } from '../fields/common-fields';
import { InputError } from '../../shared/input-error';
import { MediaError } from '../../shared/media/media-error';
import { settle } from '../../shared/settle';
import { runSendQueue } from './send-queue';
import { wonotifyRequest, type WonotifyRequest } from '../../shared/transport';
import type { PreparedCall, WonotifyOperation } from '../types';

type NodeError = NodeApiError | NodeOperationError;

export async function executeItems(
	context: IExecuteFunctions,
	operation: WonotifyOperation,
): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const errorOutput = usesErrorOutput(context);

	const prepared: Array<PreparedCall | NodeError> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push(await operation.prepare(context, itemIndex));
		} catch (error) {
			const failure = asNodeError(context, error, itemIndex);
			if (!continueOnFail) throw failure;
			prepared.push(failure);
		}
	}

	const output: INodeExecutionData[] = prepared.map((call) => (isNodeError(call) ? failedItem(call, undefined, errorOutput) : { json: {} }));
	// The items that went through, whatever their order: with Parallel Sends, items after the
	// one that stops the node may have gone through and items before it may not have started.
	const done: number[] = [];
	let stoppingFailure: { itemIndex: number; error: NodeError } | undefined;
	const send = async (itemIndex: number) => {
		const call = prepared[itemIndex] as PreparedCall;
		try {
			output[itemIndex] =
				'run' in call ? await call.run(context) : await call.toOutput(context, await wonotifyRequest(context, call.request, itemIndex));
			done.push(itemIndex);
		} catch (error) {
			const failure = asNodeError(context, error, itemIndex);
			if (continueOnFail) output[itemIndex] = failedItem(failure, 'request' in call ? recipientOf(call.request) : call.recipient, errorOutput);
			// In parallel, a later item can fail first: report the earliest, as a sequential run would.
			else if (stoppingFailure === undefined || itemIndex < stoppingFailure.itemIndex) {
				stoppingFailure = { itemIndex, error: failure };
			}
		}
	};
	const chats = prepared.map((call, itemIndex) => (isNodeError(call) ? null : (call.orderKey ?? `item ${itemIndex}`)));
	const { delayMs, parallelSends } = readPacing(context);
	await runSendQueue(chats, send, {
		concurrency: parallelSends,
		delayMs,
		stopped: () => stoppingFailure !== undefined,
	});
	if (stoppingFailure !== undefined) {
		const { itemIndex, error } = stoppingFailure;
		const call = prepared[itemIndex] as PreparedCall;
		const sendsMessages = 'request' in call && call.request.expect === 'sentMessage';
		throw withPartialBatchNote(error, done, sendsMessages);
	}
	return output.map((item, itemIndex) => ({ ...item, pairedItem: { item: itemIndex } }));
}

/** An operation that runs once for the whole input (Send and Wait for Response), with Continue On Fail. */
export async function executeOnce(
	context: IExecuteFunctions,
	run: NonNullable<WonotifyOperation['executeOnce']>,
): Promise<INodeExecutionData[][]> {
	let request: WonotifyRequest | undefined;
	const outcome = await settle(async () => await run(context, (sent) => (request = sent)));
	if ('value' in outcome) return outcome.value;
	const failure = asNodeError(context, outcome.error, 0);
	if (!context.continueOnFail()) throw failure;
	return [[{ ...failedItem(failure, request === undefined ? undefined : recipientOf(request), usesErrorOutput(context)), pairedItem: { item: 0 } }]];
}

/** On Error is "Continue (using error output)": failed items take the shape n8n 1.x routes too (failed-item.ts). */
function usesErrorOutput(context: IExecuteFunctions): boolean {
	return context.getNode().onError === 'continueErrorOutput';
}

/** Node-wide settings, read from the first item: one batch has one pace. */
function readPacing(context: IExecuteFunctions): { delayMs: number; parallelSends: number } {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const seconds = Number(options.delaySeconds ?? 0);
	const parallel = Math.floor(Number(options.parallelSends ?? 1));
	return {
		// Bounded by the field's maximum also when an expression sets it: no batch waits forever.
		delayMs: Number.isFinite(seconds) && seconds > 0 ? Math.round(Math.min(seconds, MAX_DELAY_SECONDS) * 1000) : 0,
		parallelSends: Number.isFinite(parallel) && parallel > 1 ? Math.min(parallel, MAX_PARALLEL_SENDS) : 1,
	};
}

// By shape, not by class: an error raised by n8n itself (an expression that does not resolve)
// may come from another copy of n8n-workflow than the one this package imports.
function isNodeError(value: unknown): value is NodeError {
	return value instanceof Error && 'context' in value;
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof InputError) {
		return new NodeOperationError(context.getNode(), `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: error.hint,
		});
	}
	if (error instanceof MediaError) {
		return new NodeOperationError(context.getNode(), error.message, { itemIndex, description: error.hint });
	}
	if (isNodeError(error)) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}
