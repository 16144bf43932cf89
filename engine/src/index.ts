export * from './compiler';
export * from './expressions';
