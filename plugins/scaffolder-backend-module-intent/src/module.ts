import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

export const scaffolderModuleIntent = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'intent',
  register(reg) {
    reg.registerInit({
      deps: { logger: coreServices.logger },
      async init({ logger }) {
        logger.info('Hello World!');
      },
    });
  },
});
