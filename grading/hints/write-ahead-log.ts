/** Staged hints for the write-ahead log (grading/hints/types.ts says how they are used). */
import type { ExerciseHints } from './types';

export const hints: ExerciseHints = {
  1: [
    {
      text: 'Encode a 40-byte record at offset 9 in 16-byte blocks by hand: how many bytes are left in the first block, what goes there, and what type is each fragment? Then read your bytes back and ask, for each way the file could end early, which of the eight rules applies.',
      readme: '1. Framing — 25 points',
      paper: 'google/leveldb, doc/log_format.md',
    },
    {
      text: 'Work out the room left in the block from `offset % blockBytes`. Fewer than 7 bytes: that many zeros, then start at the next block. Then loop: a fragment takes `min(bytes left of the record, room − 7)`; its type depends on whether it is the first fragment and whether it is the last — keep a flag for "first", because with exactly 7 bytes left the first fragment carries nothing. The CRC is `crc32c(payload, crc32c(Uint8Array.of(type)))`. Reading: find where the trailing zeros start once, before the loop; check the rules in the README’s order, because the order decides between a tail and corruption.',
    },
    {
      text: '`decodeSegment`: `p = 0`; while `p < n`: `room = blockBytes − p % blockBytes`; if `room < 7`, every byte up to `min(p + room, n)` must be 0 (else corruption at p), `p += room`, continue. If `n − p < 7`, stop. Read crc, length, type with a `DataView` (little-endian). `type > 4` or `length > room − 7`: corruption at p. `p + 7 + length > n`: stop. Type 0 or a bad CRC: stop if `zerosFrom < p + 7 + length`, else corruption at p. Then the order of FULL/FIRST/MIDDLE/LAST, and `end` moves only when a record completes. Copy every payload you keep (`slice`, not `subarray`).',
    },
  ],
  2: [
    {
      text: 'A crash only shortens what was appended since the last sync, or zeros its end. So which damage can only be a crash, and which can only be a disk that went bad? And after a process crash, are the bytes your open just read durable?',
      readme: '2. Recovery — 30 points',
      paper: 'Alagappan et al. 2018, "Protocol-Aware Recovery for Consensus-Based Storage", §2–3',
    },
    {
      text: 'Read everything first: the checkpoint, the segment names (sorted by their LSN), each segment with decodeSegment. Check the four kinds of damage in the README’s order and throw before touching the disk. Only then change it: remove `.tmp` files and segments wholly below the checkpoint, cut the last segment’s tail, and sync what you recovered. `write` is not atomic: a crash during it can leave an empty file, and your synced records with it.',
    },
    {
      text: 'Cut the tail with `storage.write(name + ".tmp", good)`, `storage.sync(name + ".tmp")`, `storage.rename(name + ".tmp", name)`; otherwise `storage.sync(name)` of the last segment; then `storage.syncDirectory()`. A non-last segment is corrupt at its `end` when `end !== bytes.length` or its record count differs from the next segment’s LSN minus its own. Keep the records from the checkpoint on in memory with their LSNs; `durableLsn` starts at `nextLsn`.',
    },
  ],
  3: [
    {
      text: 'When your log rolls over to a new segment, what is on disk if the power fails right then, and which of the two segments can be torn? And when checkpoint returns, what must a crash find: the new checkpoint, or possibly the old one — with which segments?',
      readme: '3. Segments and checkpoints — 25 points',
      paper: 'etcd-io/etcd#6368 (a segment lost without a directory fsync); KAFKA-10101',
    },
    {
      text: 'Rotate before a record when the last segment’s length is `>= segmentBytes` (not after one is written past it): sync the old segment if it has unsynced bytes, then name the new one `segmentName(lsn)` and remember that the directory changed. `sync()` syncs every segment written since the last sync, then `syncDirectory()` if a segment was created. `checkpoint` installs `CHECKPOINT` through `.tmp`, sync, rename, syncDirectory, and removes old segments only after that.',
    },
    {
      text: 'Segments wholly below `lsn` are those whose next segment starts at or before `lsn`; walk from the front while `segments.length > 1 && segments[1].base <= lsn`, removing the first. Check `lsn` (`Number.isInteger`, within `[firstLsn, durableLsn]`) and `from` (within `[firstLsn, nextLsn]`) before any storage call. `append` copies the record (`record.slice()`), and `read` returns new copies each time.',
    },
  ],
  4: [
    {
      text: 'Your sync got an error from the disk. If you call sync again and it returns, are those bytes on disk? What did PostgreSQL learn about that in 2018?',
      readme: '4. When the disk says no — 20 points',
      paper: 'PostgreSQL "fsyncgate" (2018): PANIC on fsync() failure',
    },
    {
      text: 'Wrap every storage call that append, sync and checkpoint make in one place: on any error, remember it and rethrow it unchanged. At the top of append, sync and checkpoint, before checking arguments, throw `new WalFailedError(remembered)` if there is one. Update `durableLsn` only after every storage call of sync has returned, and push an appended record only after its bytes were written.',
    },
  ],
};
