import type { IExecuteFunctions, INodeExecutionData, INodeProperties, IDataObject } from 'n8n-workflow';

import type { WonotifyRequest } from '../shared/transport';

/** One validated request for one input item, ready to send, and how to turn its answer into output. */
export interface GatewayCall {
	request: WonotifyRequest;
	/** Sends sharing a key (the recipient) keep their input order, even when sent in parallel. */
	orderKey?: string;
	toOutput(context: IExecuteFunctions, response: IDataObject): Promise<INodeExecutionData> | INodeExecutionData;
}

/** Work for one input item that does not go through the gateway (e.g. downloading media). */
export interface LocalTask {
	orderKey?: string;
	/** Whom the item is about (e.g. `{ chatId }`), for the details of a failed item. */
	recipient?: IDataObject;
	run(context: IExecuteFunctions): Promise<INodeExecutionData>;
}

export type PreparedCall = GatewayCall | LocalTask;

/** An operation is one file: its picker entry, its fields, and how it builds its request. */
export interface WonotifyOperation {
	value: string;
	name: string;
	action: string;
	description: string;
	/** Fields shown for this operation only (display options are added by the resource). */
	properties: INodeProperties[];
	/** Whether the operation targets an existing instance (all but Create do). */
	needsInstance?: boolean;
	/**
	 * Instead of the item loop: the whole execution of the node (Send and Wait for Response).
	 * It names its request through `sending` first, for the recipient of a failed item.
	 */
	executeOnce?(context: IExecuteFunctions, sending: (request: WonotifyRequest) => void): Promise<INodeExecutionData[][]>;
	/** Reads and validates the item's parameters; throws InputError before anything is sent. */
	prepare(context: IExecuteFunctions, itemIndex: number): Promise<PreparedCall>;
}

export interface WonotifyResource {
	value: string;
	name: string;
	operations: WonotifyOperation[];
}
