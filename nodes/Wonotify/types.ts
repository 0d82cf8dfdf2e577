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

/**
 * A run of an operation that succeeds: the tests run every operation with its examples
 * against the Wonotify simulator and check the output against the operation's schema.
 */
export interface OperationExample {
	/** What the output shows in this run, when an operation has several (e.g. `not connected`). */
	situation?: string;
	/** The operation's fields as a user fills them in; the Instance ID is the test's. */
	parameters: IDataObject;
	/** The instance the run needs: a connected one (the default), one never scanned, or one logged out. */
	instance?: 'connected' | 'notConnected';
}

/**
 * An operation is one file: its picker entry, its fields, how it builds its request, and the
 * examples the tests run it with. Only the picker entry and the fields reach the description.
 */
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
	/** Runs that succeed, for the tests; at least one, unless `noOutputSchema` says why not. */
	examples?: OperationExample[];
	/**
	 * Why the operation has no output schema in `__schema__/` (its output's fields are not
	 * its own, e.g. the input item passed on). Every other operation has one.
	 */
	noOutputSchema?: string;
	/** Reads and validates the item's parameters; throws InputError before anything is sent. */
	prepare(context: IExecuteFunctions, itemIndex: number): Promise<PreparedCall>;
}

/** What an operation file says about itself, for the factories that build operations. */
export type OperationEntry = Pick<WonotifyOperation, 'value' | 'name' | 'action' | 'description' | 'examples' | 'noOutputSchema'>;

export interface WonotifyResource {
	value: string;
	name: string;
	operations: WonotifyOperation[];
}
