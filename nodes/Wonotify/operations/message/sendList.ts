import { requireText } from '../../../shared/input-error';
import { inputModeField } from '../../fields/rich-message-fields';
import { MAX_LIST_ROWS, sectionsFromFields, sectionsFromJson, toListSections, type ListRowFields } from '../../interactive/list';
import { listChoicesText } from '../../interactive/plain-text';
import { footerField, richOperation, titleField } from './rich-operation';

export const sendList = richOperation({
	value: 'sendList',
	name: 'Send List',
	action: 'Send a list message',
	description: 'Send a message with a button that opens a list of choices',
	renderingProblem: 'WhatsApp often does not show lists, especially on WhatsApp Web and Desktop, and sometimes not at all.',
	textDescription: 'The text above the list button',
	choiceFields: [
		{
			displayName: 'List Button Text',
			name: 'buttonText',
			type: 'string',
			default: 'View options',
			required: true,
			description: 'The label of the button that opens the list',
		},
		inputModeField('rowsInput', 'Rows'),
		{
			displayName: 'Rows',
			name: 'rows',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			placeholder: 'Add Row',
			description: `Up to ${MAX_LIST_ROWS} rows. Rows with the same Section Title are shown together under it.`,
			displayOptions: { show: { rowsInput: ['fields'] } },
			options: [
				{
					displayName: 'Row',
					name: 'row',
					values: [
						{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true },
						{ displayName: 'Description', name: 'description', type: 'string', default: '' },
						{
							displayName: 'Row ID',
							name: 'rowId',
							type: 'string',
							default: '',
							description:
								'Returned as listReplyId by the Wonotify Trigger when the customer picks the row. Leave empty to use the title.',
						},
						{
							displayName: 'Section Title',
							name: 'section',
							type: 'string',
							default: '',
							description: 'Optional heading that groups rows',
						},
					],
				},
			],
		},
		{
			displayName: 'Sections (JSON)',
			name: 'sectionsJson',
			type: 'json',
			default:
				'[\n  { "title": "Sizes", "rows": [\n    { "title": "Small", "rowId": "size_s", "description": "250 ml" },\n    { "title": "Large", "rowId": "size_l", "description": "500 ml" }\n  ] }\n]',
			description: "The gateway's sections array: [{ title, rows: [{ title, rowId, description }] }]",
			displayOptions: { show: { rowsInput: ['json'] } },
		},
	],
	additionalFields: [titleField, footerField],
	examples: [
		{
			parameters: { chatId: '919876543210', message: 'Our menu', buttonText: 'Menu', rowsInput: 'fields', rows: { row: [{ title: 'Pizza' }] } },
		},
	],
	readChoices(context, itemIndex) {
		const buttonText = requireText('List Button Text', context.getNodeParameter('buttonText', itemIndex));
		const sections =
			context.getNodeParameter('rowsInput', itemIndex) === 'json'
				? sectionsFromJson('Sections (JSON)', context.getNodeParameter('sectionsJson', itemIndex))
				: sectionsFromFields(context.getNodeParameter('rows.row', itemIndex, []) as ListRowFields[]);
		return {
			type: 'list',
			choices: listChoicesText(sections),
			message: (bodyText, { title = '', footer = '' }) => ({ text: bodyText, footer, title, buttonText, sections: toListSections(sections) }),
		};
	},
});
