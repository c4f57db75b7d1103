import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { chosenId } from '../../shared/locators';
import { pagerDutyApiRequestAllItems } from '../../shared/transport/rest';

/** Rotations of the shift-based schedule chosen in the node: "Rotation n (k events)". */
export async function getShiftScheduleRotations(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const scheduleId = chosenId(this, 'shiftSchedule', 'shiftScheduleId');
	const rotations = await pagerDutyApiRequestAllItems.call(
		this,
		{ method: 'GET', path: `/v3/schedules/${scheduleId}/rotations` },
		'rotations',
		{ askTotal: false },
	);
	return rotations.map((rotation, index) => {
		const events = (rotation.events as unknown[] | undefined)?.length ?? 0;
		return {
			name: `Rotation ${index + 1} (${events} ${events === 1 ? 'event' : 'events'})`,
			value: String(rotation.id),
		};
	});
}
