export * from '../../exercises/quorum/placement';
