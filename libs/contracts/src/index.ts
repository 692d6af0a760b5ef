export * from './lib/enums';
export * from './lib/errors';
export * from './lib/auth';
export * from './lib/jobs';
export * from './lib/applications';
export * from './lib/api-routes';
export * from './lib/agency';
export * from './lib/notifications';
