// The Send and Wait for Response fields. The names (`message`, `responseType`,
// `approvalOptions`) are n8n's own: n8n's AI Agent "Human review" tool replaces these by name.
import type { INodeProperties } from 'n8n-workflow';

import { chatIdField, optionsCollection, timeoutOption } from '../fields/common-fields';

export const FORM_FIELD_TYPES = ['text', 'textarea', 'number', 'email', 'date', 'dropdown'] as const;

const limitWaitTimeOption: INodeProperties = {
	displayName: 'Limit Wait Time',
	name: 'limitWaitTime',
	type: 'fixedCollection',
	description: "Whether to stop waiting after a while: the workflow then goes on with this node's input items, without an answer",
	default: { values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' } },
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Limit Type',
					name: 'limitType',
					type: 'options',
					default: 'afterTimeInterval',
					options: [
						{ name: 'After Time Interval', value: 'afterTimeInterval', description: 'Waits for a certain amount of time' },
						{ name: 'At Specified Time', value: 'atSpecifiedTime', description: 'Waits until a date and time' },
					],
				},
				{
					displayName: 'Amount',
					name: 'resumeAmount',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 1,
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
				},
				{
					displayName: 'Unit',
					name: 'resumeUnit',
					type: 'options',
					options: [
						{ name: 'Seconds', value: 'seconds' },
						{ name: 'Minutes', value: 'minutes' },
						{ name: 'Hours', value: 'hours' },
						{ name: 'Days', value: 'days' },
					],
					default: 'hours',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
				},
				{
					displayName: 'Max Date and Time',
					name: 'maxDateAndTime',
					type: 'dateTime',
					default: '',
					displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
				},
			],
		},
	],
};

/**
 * How the person answers: with the links, or in the chat (approval buttons; a reply to a Free
 * Text question). One parameter, shown with the words of each response type.
 */
function answerInFields(): INodeProperties[] {
	const answerIn = (responseType: string, chatName: string, chatDescription: string): INodeProperties => ({
		displayName: 'Answer In',
		name: 'answerIn',
		type: 'options',
		default: 'links',
		options: [
			{ name: 'Links', value: 'links', description: 'The person taps a link in the message' },
			{ name: chatName, value: 'chat', description: chatDescription },
		],
		displayOptions: { show: { responseType: [responseType] } },
	});
	return [
		answerIn('approval', 'Buttons in the Chat', 'Quick-reply buttons; the links stay in the text for phones that do not show buttons (and in groups, which get no buttons)'),
		answerIn('freeText', 'Reply in the Chat', "The person replies to the question (WhatsApp's Reply) and the reply is the answer; the link stays in the text"),
		{
			displayName:
				"Answers in the chat reach this workflow through the Wonotify Trigger: the instance needs an active workflow that starts with a Wonotify Trigger. Without one, a tap or reply goes nowhere and the person can only answer with the links, which stay in the message.",
			name: 'answerInChatNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { responseType: ['approval', 'freeText'], answerIn: ['chat'] } },
		},
	];
}

const formFieldValues: INodeProperties[] = [
	{ displayName: 'Field Label', name: 'fieldLabel', type: 'string', default: '', placeholder: 'e.g. Delivery time', required: true },
	{
		displayName: 'Field Type',
		name: 'fieldType',
		type: 'options',
		default: 'text',
		options: [
			{ name: 'Date', value: 'date' },
			{ name: 'Dropdown List', value: 'dropdown' },
			{ name: 'Email', value: 'email' },
			{ name: 'Number', value: 'number' },
			{ name: 'Text', value: 'text' },
			{ name: 'Textarea', value: 'textarea' },
		],
	},
	{
		displayName: 'Choices',
		name: 'choices',
		type: 'string',
		default: '',
		placeholder: 'e.g. Morning, Afternoon, Evening',
		description: 'The options of the dropdown list, separated by commas',
		displayOptions: { show: { fieldType: ['dropdown'] } },
	},
	{ displayName: 'Required Field', name: 'requiredField', type: 'boolean', default: false, description: 'Whether the person must fill this in' },
];

export const sendAndWaitFields: INodeProperties[] = [
	chatIdField,
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 4 },
		placeholder: 'e.g. Refund of 20 € for order 1042?',
		description: 'The question. The links to answer it are added below it.',
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		default: 'approval',
		options: [
			{ name: 'Approval', value: 'approval', description: 'The person taps a link to approve (or disapprove)' },
			{ name: 'Free Text', value: 'freeText', description: 'The person opens a page and types an answer' },
			{ name: 'Custom Form', value: 'customForm', description: 'The person fills in a form with the fields you define' },
		],
	},
	...answerInFields(),
	{
		displayName: 'Approval Options',
		name: 'approvalOptions',
		type: 'fixedCollection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { responseType: ['approval'] } },
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [
					{
						displayName: 'Type of Approval',
						name: 'approvalType',
						type: 'options',
						default: 'single',
						options: [
							{ name: 'Approve Only', value: 'single' },
							{ name: 'Approve and Disapprove', value: 'double' },
						],
					},
					{ displayName: 'Approve Button Label', name: 'approveLabel', type: 'string', default: 'Approve' },
					{
						displayName: 'Disapprove Button Label',
						name: 'disapproveLabel',
						type: 'string',
						default: 'Disapprove',
						displayOptions: { show: { approvalType: ['double'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Define Form',
		name: 'defineForm',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
		displayOptions: { show: { responseType: ['customForm'] } },
	},
	{
		displayName: 'Form Fields',
		name: 'formFields',
		type: 'fixedCollection',
		placeholder: 'Add Form Field',
		default: {},
		typeOptions: { multipleValues: true, sortable: true },
		displayOptions: { show: { responseType: ['customForm'], defineForm: ['fields'] } },
		options: [{ displayName: 'Values', name: 'values', values: formFieldValues }],
	},
	{
		displayName: 'Form Fields (JSON)',
		name: 'jsonOutput',
		type: 'json',
		default: '[\n  { "fieldLabel": "Delivery time", "fieldType": "dropdown", "choices": ["Morning", "Evening"], "requiredField": true },\n  { "fieldLabel": "Notes", "fieldType": "textarea" }\n]',
		description: `A list of fields: fieldLabel, fieldType (${FORM_FIELD_TYPES.join(', ')}), choices for dropdowns, requiredField`,
		displayOptions: { show: { responseType: ['customForm'], defineForm: ['json'] } },
	},
	optionsCollection([
		limitWaitTimeOption,
		{
			displayName: 'Link Style',
			name: 'linkStyle',
			type: 'options',
			default: 'text',
			options: [
				{ name: 'Links in the Text', value: 'text', description: 'Shown by every WhatsApp app' },
				{ name: 'URL Buttons', value: 'buttons', description: 'Nicer, but WhatsApp often does not show buttons; the links are added to the text as well' },
			],
		},
		{
			displayName: 'Response Link Label',
			name: 'messageButtonLabel',
			type: 'string',
			default: 'Respond',
			description: 'The label of the link that opens the page to answer (Free Text and Custom Form)',
		},
		{ displayName: 'Page Title', name: 'pageTitle', type: 'string', default: '', description: 'The heading of the answer page; by default the start of the message' },
		timeoutOption,
	]),
];
