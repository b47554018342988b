export * from '../../../../exercises/lsm-compaction/engine';
