import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { unusableAnswer } from '../../../shared/errors';
import { locator } from '../../../shared/locators';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { invalidParameter } from '../../../shared/validation';

type Side = 'supporting' | 'dependent';

const SIDES: Record<Side, { label: string; role: string }> = {
	supporting: { label: 'Supporting', role: 'The service the other one relies on' },
	dependent: { label: 'Dependent', role: 'The service that relies on the other one' },
};

/** One end of a dependency: its type (a technical or a business service) and the service. */
function sideOf(side: Side) {
	const { label, role } = SIDES[side];
	const typeName = `${side}ServiceType`;
	const service = locator('service', {
		displayName: `${label} Service`,
		name: `${side}ServiceId`,
		required: true,
		description: `${role}: pick a service, paste its URL, or give its ID (from Service → Get Many)`,
	});
	const business = locator('businessService', {
		displayName: `${label} Business Service`,
		name: `${side}BusinessServiceId`,
		required: true,
		description: `${role}: pick a business service or give its ID (from Business Service → Get Many)`,
	});
	const fields: INodeProperties[] = [
		{
			displayName: `${label} Service Type`,
			name: typeName,
			type: 'options',
			options: [
				{
					name: 'Service',
					value: 'service',
					description: 'A technical service (Service → Get Many)',
				},
				{
					name: 'Business Service',
					value: 'business_service',
					description: 'A business service (Business Service → Get Many)',
				},
			],
			default: 'service',
			description: `Whether ${role.toLowerCase()} is a technical or a business service`,
		},
		{ ...service.field, displayOptions: { show: { [typeName]: ['service'] } } },
		{ ...business.field, displayOptions: { show: { [typeName]: ['business_service'] } } },
	];
	const read = (context: IExecuteFunctions, itemIndex: number) => {
		const type = context.getNodeParameter(typeName, itemIndex) as string;
		const id =
			type === 'business_service'
				? business.read(context, itemIndex)
				: service.read(context, itemIndex);
		return { id, type };
	};
	return { fields, read };
}

const supporting = sideOf('supporting');
const dependent = sideOf('dependent');

/** The fields of Create and Delete: the supporting service, then the dependent one. */
export const relationshipFields: INodeProperties[] = [...supporting.fields, ...dependent.fields];

/**
 * Sends one relationship to associate or disassociate and returns the dependency PagerDuty
 * answers with. A service cannot depend on itself: refused before sending.
 */
export async function sendRelationship(
	context: IExecuteFunctions,
	itemIndex: number,
	action: 'associate' | 'disassociate',
): Promise<IDataObject> {
	const relationship = {
		supporting_service: supporting.read(context, itemIndex),
		dependent_service: dependent.read(context, itemIndex),
	};
	const { supporting_service: from, dependent_service: to } = relationship;
	if (from.id === to.id && from.type === to.type)
		throw invalidParameter(
			context,
			itemIndex,
			`${SIDES.dependent.label} ${from.type === 'service' ? 'Service' : 'Business Service'}`,
			'is the supporting one too: a service cannot depend on itself',
		);
	const response = await pagerDutyApiRequest.call(context, {
		method: 'POST',
		path: `/service_dependencies/${action}`,
		body: { relationships: [relationship] },
	});
	const [dependency] = (response.relationships as IDataObject[] | undefined) ?? [];
	if (!dependency)
		throw unusableAnswer(
			context.getNode(),
			`PagerDuty answered POST /service_dependencies/${action}`,
			'it holds no dependency in "relationships"',
		);
	return dependency;
}
