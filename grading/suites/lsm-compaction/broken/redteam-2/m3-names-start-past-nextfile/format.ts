export * from '../base/format';
