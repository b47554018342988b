export * from '../../exercises/quorum/types';
