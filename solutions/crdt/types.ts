// Provided with the exercise; the reference uses the very same module.
export * from '../../exercises/crdt/types';
