export * from '../../exercises/stability/types';
