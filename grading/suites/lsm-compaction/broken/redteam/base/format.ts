export * from '../../../../../../exercises/lsm-compaction/format';
