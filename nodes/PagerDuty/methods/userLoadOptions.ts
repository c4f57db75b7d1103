import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { chosenId } from '../../shared/locators';
import { pagerDutyApiRequest } from '../../shared/transport/rest';

/** Contact methods of the user chosen in the node's "User": "label (address)". */
export async function getUserContactMethods(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const userId = chosenId(this, 'user', 'userId');
	const answer = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/users/${userId}/contact_methods`,
	});
	return ((answer.contact_methods as IDataObject[] | undefined) ?? []).map((method) => ({
		name: `${String(method.label)} (${String(method.address)})`,
		value: String(method.id),
		description: String(method.type).replace(/_contact_method$/, ''),
	}));
}

/** Notification rules of the user chosen in the node's "User", of both urgencies: "delay, urgency: method". */
export async function getUserNotificationRules(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const userId = chosenId(this, 'user', 'userId');
	const answer = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/users/${userId}/notification_rules`,
		qs: { urgency: 'all', include: ['contact_methods'] },
	});
	return ((answer.notification_rules as IDataObject[] | undefined) ?? []).map((rule) => {
		const method = (rule.contact_method ?? {}) as IDataObject;
		const where = method.address
			? `${String(method.label)} (${String(method.address)})`
			: method.id;
		return {
			name: `${Number(rule.start_delay_in_minutes)} min, ${String(rule.urgency)}: ${String(where)}`,
			value: String(rule.id),
		};
	});
}
