export * from './lib/domain-error';
export * from './lib/application-facts';
export * from './lib/application-transitions';
export * from './lib/waiting-for';
export * from './lib/feedback-deadline';
export * from './lib/visibility';
export * from './lib/job-pipeline';
