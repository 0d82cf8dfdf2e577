// Send and Wait for Response: sends the question with its links to the first item's recipient
// (once per execution, as n8n's own send-and-wait operations do), then puts the execution to
// wait. An answer resumes it through the node's waiting webhook (answer-webhook.ts) with the answer as output.
// When a Limit Wait Time runs out, n8n resumes it with the node's input items as output (it
// passes a waiting node's input on), so an item without `data` means nobody answered.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { wonotifyRequest, type WonotifyRequest } from '../../shared/transport';
import { formFieldsOfNode } from './custom-form';
import { questionCall } from './message';
import { waitUntil } from './wait-until';

export async function askAndWait(
	context: IExecuteFunctions,
	sending: (request: WonotifyRequest) => void,
): Promise<INodeExecutionData[][]> {
	const waitTill = waitUntil(context);
	if (context.getNodeParameter('responseType', 0, 'approval') === 'customForm') {
		formFieldsOfNode((name, fallback) => context.getNodeParameter(name, 0, fallback));
	}
	// n8n 1.x checks the signature of the answer links only when asked to (2.x always checks
	// and has no such method); an answer in the chat relies on it to refuse another chat's answer.
	(context as { setSignatureValidationRequired?: () => void }).setSignatureValidationRequired?.();
	const call = await questionCall(context);
	sending(call.request);
	await wonotifyRequest(context, call.request, 0);
	await context.putExecutionToWait(waitTill);
	return [context.getInputData()];
}
