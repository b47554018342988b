export * from '../base/causal-node';
