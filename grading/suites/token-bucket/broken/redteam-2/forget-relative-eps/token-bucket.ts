export * from '../base/token-bucket';
