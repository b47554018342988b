export * from '../base/versioned-store';
