import { create } from './create.operation';
import { deleteServiceDependency } from './deleteServiceDependency.operation';
import { getAllForBusinessService } from './getAllForBusinessService.operation';
import { getAllForService } from './getAllForService.operation';
import { defineResource } from '../registry';

export const serviceDependency = defineResource({
	option: {
		name: 'Service Dependency',
		value: 'serviceDependency',
		description: 'Which services rely on which: technical and business services',
	},
	noun: 'service dependency',
	plural: 'service dependencies',
	article: 'a',
	defaultOperation: 'getAllForService',
	operations: [getAllForService, getAllForBusinessService, create, deleteServiceDependency],
});
