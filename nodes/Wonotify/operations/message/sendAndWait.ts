import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import { askAndWait } from '../../send-and-wait/ask-and-wait';
import { sendAndWaitFields } from '../../send-and-wait/operation-fields';
import { questionCall } from '../../send-and-wait/message';
import type { WonotifyOperation } from '../../types';

// n8n recognises the operation by its value: its waiting-link checks and the AI Agent's
// "Human review" tool look for SEND_AND_WAIT_OPERATION.
export const sendAndWait: WonotifyOperation = {
	value: SEND_AND_WAIT_OPERATION,
	name: 'Send and Wait for Response',
	action: 'Send message and wait for response',
	description: 'Send a question with answer links and pause the workflow until the person answers',
	needsInstance: true,
	noOutputSchema: "The output is the person's answer, whose fields the question's response type and form decide.",
	properties: sendAndWaitFields,
	prepare: async (context) => await questionCall(context),
	executeOnce: askAndWait,
};
