export * from '../../exercises/raft/protocol';
