export * from './meeting.model.js';
export * from './meetings.module.js';
export * from './meetings.resolver.js';
export * from './meetings.service.js';
export * from './meeting-feed.js';
export * from './marac-figures.js';
export * from './meeting-pack.js';
export * from './meeting-viewer-can.js';
