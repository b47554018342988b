// Provided with the exercise; the reference uses the very same module.
export * from '../../exercises/write-ahead-log/format';
