export * from '../base/keyed-limiter';
