import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { EMPLOYEE_STATUSES, type EmployeeStatus } from '../api/intelligence';
import { checkId, checkOption, invalid } from './validate';

/** Skills Intelligence parameters several operations share. */

function idLocator(name: string, label: string, searchListMethod: string, example: string): INodeProperties {
	return {
		displayName: label,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${example}`,
				validation: [
					{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `A ${label.toLowerCase()} ID is a number` } },
				],
			},
		],
	};
}

export const employeeLocator: INodeProperties = {
	...idLocator('employeeId', 'Employee', 'searchEmployees', '10001'),
	description:
		"The employee in iMocha Skills Intelligence: iMocha's numeric employeeId (returned by Upsert and Get Many), not your own external employee ID",
};

export const jobProfileLocator: INodeProperties = {
	...idLocator('jobProfileId', 'Job Profile', 'searchJobProfiles', '301'),
	description: 'The job profile in iMocha Skills Intelligence',
};

export const employeeStatusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'Active', value: 'Active', description: 'The employee is active in Skills Intelligence' },
		{ name: 'Inactive', value: 'Inactive', description: 'The employee is deactivated' },
	],
	default: 'Active',
	required: true,
};

export const otherFieldsOption: INodeProperties = {
	displayName: 'Other Fields (JSON)',
	name: 'otherFields',
	type: 'json',
	default: '{}',
	description:
		"Further body fields, sent as they are. iMocha's page for this call was unavailable, so the node names only the documented fields; add any other field your iMocha contact gives you here. The named fields above take precedence.",
};

export function readEmployeeId(context: IExecuteFunctions, itemIndex: number): number {
	return checkId(context, itemIndex, 'Employee', context.getNodeParameter('employeeId', itemIndex, undefined, { extractValue: true }));
}

export function readJobProfileId(context: IExecuteFunctions, itemIndex: number): number {
	return checkId(context, itemIndex, 'Job Profile', context.getNodeParameter('jobProfileId', itemIndex, undefined, { extractValue: true }));
}

export function readStatus(context: IExecuteFunctions, itemIndex: number): EmployeeStatus {
	return checkOption(context, itemIndex, 'Status', context.getNodeParameter('status', itemIndex), EMPLOYEE_STATUSES);
}

/** A JSON parameter that must hold an object: text typed in the editor or an object from an expression. */
export function checkJsonObject(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): IDataObject {
	let parsed = value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (!text) return {};
		try {
			parsed = JSON.parse(text);
		} catch {
			throw invalid(context, itemIndex, field, 'is not valid JSON', 'Write a JSON object such as { "jobCode": "ENG-042" }.');
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw invalid(context, itemIndex, field, 'must be a JSON object', 'Write a JSON object such as { "jobCode": "ENG-042" }.');
	}
	return parsed as IDataObject;
}
