// Turns the resource → operation lists into the node's Resource / Operation pickers and fields.
import type { INodeProperties } from 'n8n-workflow';

import { instanceIdField } from '../shared/instance-id';
import { groupResource } from './operations/group';
import { instanceResource } from './operations/instance';
import { messageResource } from './operations/message';
import type { WonotifyOperation, WonotifyResource } from './types';

export const resources: WonotifyResource[] = [messageResource, groupResource, instanceResource];

export function findOperation(resource: string, operation: string): WonotifyOperation | undefined {
	return resources.find((r) => r.value === resource)?.operations.find((o) => o.value === operation);
}

export function buildProperties(): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map(({ name, value }) => ({ name, value })),
			default: 'message',
		},
	];
	for (const resource of resources) {
		const firstOperation = resource.operations[0].value;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: resource.operations.map(({ name, value, action, description }) => ({ name, value, action, description })),
			default: firstOperation,
		});
		const withInstance = resource.operations.filter((operation) => operation.needsInstance).map((o) => o.value);
		if (withInstance.length > 0) {
			properties.push({
				...instanceIdField,
				displayOptions: { show: { resource: [resource.value], operation: withInstance } },
			});
		}
		for (const operation of resource.operations) {
			for (const property of operation.properties) {
				properties.push({
					...property,
					displayOptions: {
						...property.displayOptions,
						show: { ...property.displayOptions?.show, resource: [resource.value], operation: [operation.value] },
					},
				});
			}
		}
	}
	return properties;
}
