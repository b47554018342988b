export * from '../base/engine';
