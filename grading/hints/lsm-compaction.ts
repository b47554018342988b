/** Staged hints for LSM compaction (grading/hints/types.ts says how they are used). */
import type { TaskLayout } from './task-code';
import type { ExerciseHints } from './types';

export const hints: ExerciseHints = {
  1: [
    {
      text: 'Get it right before you make it fast. Re-read the input and output rules of task 1 and ask yourself, for each key: which of its versions is the newest, and does my merge find it wherever it lies? A slow model is easy to trust: concatenate the runs, sort by key and then by `seq`, newest first, and keep the first entry of each key. That is O(n log n), obviously correct, and a good oracle to test your faster merge against, the way mini-lsm checks its iterators against a `BTreeMap`.',
      readme: '1. Merging runs — 30 points',
    },
    {
      text: 'The runs come in no particular order: the newest version is the one with the highest `seq`, not the one from the first run (and certainly not the lowest). Then the tombstone trap: decide which version of a key is newest first, and only then drop it if it is a tombstone; filtering tombstones out of the runs before merging, or skipping a tombstone and taking the next version of the same key, brings an older value back, the very resurrection compaction must never cause. Only `value === null` deletes (`\'\'` is falsy but is a value), and keys compare by UTF-16 code unit, with `compareKeys` or `<`, not `localeCompare`.',
      paper: 'LevelDB, doc/impl.md, "Compactions"',
    },
    {
      text: 'Use a min-heap of cursors, one per run (the run and an index into it), ordered by key and then by `seq`, highest first: the order LevelDB gives its internal keys (user key ascending, sequence number descending, `db/dbformat.cc`). The first entry the heap yields for a key is then its newest, and every later one with that key is shadowed; LevelDB’s `table/merger.cc` just scans its few children for the smallest, but with many runs the heap gives O(n log k). The loop: pop the smallest cursor; push its run’s next entry back; if the entry’s key is the key you last emitted or skipped, continue; remember the key; if it is a tombstone and `dropTombstones`, continue; else emit the entry as it is. Move indexes, never the runs themselves (no `shift`, no `sort` in place), and no runs or only empty ones give `[]`.',
    },
  ],
  2: [
    {
      text: 'The policy is three small rules: which level, which tables, and whether tombstones may go. Re-read task 2 and ask, for the failing case: what is each level’s score, which table ranges meet which, and what could still lie below the output level? LevelDB computes exactly these scores in `VersionSet::Finalize` (`db/version_set.cc`): level 0 by file count against its trigger, the others by bytes against their limit.',
      readme: '2. Leveled compaction — 35 points',
    },
    {
      text: 'The classic mistakes: L0 with no score (its tables pile up, and reads probe more and more of them), only L0 scored (L1 grows past its target without bound), an L0 compaction that leaves out the L1 tables its range meets (L1 then overlaps itself, and the binary search of a read finds the wrong table), and a `dropTombstones` that is always true or looks only at `level + 2` (a tombstone goes while an older value lies in L3, and the deleted key comes back). Whole tables, always: if an input overlaps part of a table of `level + 1`, that entire table takes part (LevelDB doc/impl.md, "Compactions"). If the rule tests pass and only the whole-tree tests fail, look at `compact` too: outputs not added to `level + 1` in key order, `nextFile` not advanced past the outputs, or inputs never removed.',
      paper: 'RocksDB wiki, "Leveled Compaction"',
    },
    {
      text: 'Visit the levels from L0 down to the one above the bottom (which has no target, and nowhere to go): L0 scores `levels[0].length / l0Trigger`, level `i` scores `totalBytes(levels[i]) / levelTarget(options, i)`; replace the best only on a strictly higher score, so that a tie goes to the upper level, and return `null` unless the best reaches 1. The inputs are all of L0, or one table of a deeper level: any one obeys the rules of the policy, but the choice sets the write amplification, and the suite bounds it (LSM-2.12). LevelDB rotates through the key space with a pointer it keeps in the manifest; RocksDB defaults to the table with the fewest overlapping bytes below per byte of its own, `kMinOverlappingRatio`, which writes 6.8× the data on the suite’s workload, where always the first table of the level writes 13.8× and always the oldest one (the lowest file number) 12.2×, both over the bound of 9. Whichever you pick, derive it from the version alone: `pickCompaction` keeps no state between calls, so a rotation kept in a module variable is out. Then `overlapping(levels[level + 1], smallest, largest)` over the `keyRange` of the inputs, and `dropTombstones` only if no level from `level + 2` to the bottom has a table meeting the `keyRange` of inputs and overlapping tables together: doc/impl.md’s rule ("no higher numbered levels that contain a file whose range overlaps the current key"), checked per range rather than per key as LevelDB’s `Compaction::IsBaseLevelForKey` does, which is coarser and safe; the RocksDB wiki’s "DeleteRange Implementation" asks the same of range tombstones. Never modify `version`.',
    },
  ],
  // Task 3 has four stages: it grades three functions (compact, installVersion, recover), and the last two
  // stages nearly tell, one for the order of writing and installing, one for recovering and cleaning up.
  3: [
    {
      text: 'Write the storage calls of one flush and the compaction it starts down as a list, and for each line ask: if the power fails just before it, which version does `recover` return, and is every table that version lists on disk, whole? Re-read what survives a crash: contents are durable only after `sync(name)`, names only after `syncDirectory()`, a new file needs both, and a file rewritten in place may come back as a prefix of its new contents. Pillai et al., "All File Systems Are Not Created Equal" (OSDI 2014), catalogue which operations file systems keep atomic and in order, and found crash vulnerabilities of exactly this kind in LevelDB among others.',
      readme: 'The disk',
    },
    {
      text: 'The manifest is the truth, and the classic mistakes all make it lie: removing the inputs before the new manifest is durable (the old manifest then names files that are gone), installing outputs that were never synced (the manifest names an empty or torn table), rewriting `MANIFEST` in place (a crash can leave a prefix, which is no manifest at all), and renaming a temporary manifest over it without syncing it first (the rename can reach the disk before the data: ext4’s lesson of 2009, Ubuntu’s Launchpad bug #317781 and LWN’s "ext4 and data loss", where programs that renamed without `fsync` found zero-length files after a crash). The other half is cleaning up: a crash leaves outputs no version lists, inputs the new version dropped, an old log, perhaps a temporary manifest, and every file the recovered version does not reference must go.',
      paper: 'LevelDB, doc/impl.md, "Recovery" and "Garbage collection of files"',
    },
    {
      text: 'The order is the whole of `compact`’s safety: merge the inputs and overlapping tables (`readTable`, your `mergeRuns`); cut the result into tables of at most `targetFileBytes` bytes of entries, filling each before starting the next (`entryBytes`, at least one entry each, none for an empty result), named `tableFileName(n)` from `version.nextFile` up, and `writeTable` and `sync` each one; build the new version (inputs gone from `level`, overlapping tables gone from `level + 1` and the outputs added, sorted by key, `nextFile` past the numbers used); `installVersion` it; only then remove the inputs and overlapping files. `installVersion` is LevelDB’s `SetCurrentFile` (`db/filename.cc`): `write` the `encodeManifest` bytes to `MANIFEST.tmp`, `sync` it, `rename` it over `MANIFEST`, then `syncDirectory()`, which makes the rename durable and with it the names of the new log and tables.',
      readme: '3. Crash-safe installation — 35 points',
    },
    {
      text: '`recover` reads `MANIFEST` only, never the temporary file, which may be torn: absent, the version is `null`; present, `decodeManifest` it. Collect the live names (the manifest, the version’s log, every table of every level), remove every other name in `storage.list()`, then `syncDirectory()` and return the version; a disk with no manifest is cleaned the same way before `null` is returned. Only the version’s tables, its log and your manifest files (at most two, named neither `*.sst` nor `*.log`) may remain. If `decodeManifest` ever throws on `MANIFEST` itself, the bug is in `installVersion`, not here: no crash can tear a file that was synced before it was renamed.',
    },
  ],
};

/** Which code each task's tests exercise, and which tasks build on which (grading/hints/task-code.ts). */
export const layout: TaskLayout = {
  code: { 1: ['mergeRuns'], 2: ['pickCompaction'], 3: ['compact', 'installVersion', 'recover'] },
  builtOn: { 2: [1], 3: [1] },
};
