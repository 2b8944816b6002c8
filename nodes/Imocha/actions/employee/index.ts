import type { INodeProperties } from 'n8n-workflow';

import { describeResource } from '../../operation/contract';
import * as getAssessmentReport from './getAssessmentReport.operation';
import * as getCertificates from './getCertificates.operation';
import * as getMany from './getMany.operation';
import * as getSkills from './getSkills.operation';
import * as updateStatus from './updateStatus.operation';
import * as upsert from './upsert.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['employee'] } },
	options: [
		{
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: 'Create or update an employee',
		},
		{
			name: 'Get Assessment Report',
			value: 'getAssessmentReport',
			description: "Retrieve an employee's iMocha assessment results as Skills Intelligence holds them",
			action: 'Get an employee assessment report',
		},
		{
			name: 'Get Certificates',
			value: 'getCertificates',
			description: "List an employee's certificates",
			action: 'Get employee certificates',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List employees with their skill profiles, optionally only those changed since a date or matching a search',
			action: 'Get many employees',
		},
		{
			name: 'Get Skills',
			value: 'getSkills',
			description:
				"Retrieve one employee's skill profile: each skill's proficiency per validation source, experience, AI-inferred ratings and skill gap",
			action: 'Get employee skills',
		},
		{
			name: 'Update Status',
			value: 'updateStatus',
			description: 'Activate or deactivate an employee by their iMocha employee ID',
			action: 'Update employee status',
		},
	],
	default: 'getSkills',
};

export const employee = describeResource(operationField, {
	getAssessmentReport: getAssessmentReport.operation,
	getCertificates: getCertificates.operation,
	getMany: getMany.operation,
	getSkills: getSkills.operation,
	updateStatus: updateStatus.operation,
	upsert: upsert.operation,
});
