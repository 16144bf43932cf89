export * from './rateTable';
export * from './messageCost';
