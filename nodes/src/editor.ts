/** Browser-side entry: node bodies for the canvas. Needs React; never imported by the server. */
export * from './editors';
