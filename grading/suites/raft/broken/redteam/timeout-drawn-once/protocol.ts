export * from '../base/protocol';
