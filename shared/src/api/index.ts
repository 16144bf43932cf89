export * from './route';
export * from './resources';
export * from './endpoints';
export * from './client';
export * from './endpoints/dashboard';
export * from './endpoints/attribution';
