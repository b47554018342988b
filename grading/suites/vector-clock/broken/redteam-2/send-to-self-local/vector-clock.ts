export * from '../base/vector-clock';
