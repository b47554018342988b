#!/usr/bin/env bash
# Builds the zip a Gradescope programming assignment takes: setup.sh and
# run_autograder at the top, beside this repo's committed files (less what a
# student's code must never sit next to), and an autograder.conf with the
# instructor's settings.
#
#   grading/gradescope/make-zip.sh [--out FILE] [--seed N] [--suite DIR]
#                                  [--time-limit SECONDS] [--deadline SECONDS] [SLUG ...]
#
#   --out FILE            where to write the zip (default: faultline-gradescope.zip here)
#   --seed N              the private run seed (default: the grader's own)
#   --suite DIR           a private suite, same shape as grading/suites; copied in as private-suite/
#   --time-limit SECONDS  wall-clock limit of one exercise's run
#   --deadline SECONDS    limit of the whole grade (default 540); keep it a minute under
#                         the assignment's Gradescope timeout (10 minutes unless raised)
#   SLUG ...              the exercises this assignment grades (default: all)
#
# Left out of the zip: solutions/ (the reference implementations) and what imports
# them (the known-wrong variants in grading/suites/*/broken/, grading/bench/), the
# repo's own tests (grading/test/, harness/test/), .ci/ and .github/, and whatever
# .gitignore ignores (node_modules/ among it). Files are taken as they are in the
# work tree now, committed or not.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$PWD/faultline-gradescope.zip"
seed="" suite="" time_limit="" deadline="" slugs=()

usage() {
  echo "usage: grading/gradescope/make-zip.sh [--out FILE] [--seed N] [--suite DIR] [--time-limit SECONDS] [--deadline SECONDS] [SLUG ...]" >&2
  exit 2
}
need() { [[ $# -ge 2 && -n "$2" ]] || { echo "make-zip.sh: $1 needs a value" >&2; exit 2; }; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) need "$@"; out="$2"; shift 2 ;;
    --seed) need "$@"; seed="$2"; shift 2 ;;
    --suite) need "$@"; suite="$2"; shift 2 ;;
    --time-limit) need "$@"; time_limit="$2"; shift 2 ;;
    --deadline) need "$@"; deadline="$2"; shift 2 ;;
    -h | --help) usage ;;
    -*) echo "make-zip.sh: unknown option $1" >&2; usage ;;
    *) slugs+=("$1"); shift ;;
  esac
done

[[ -z "$seed" || ( "$seed" =~ ^[0-9]{1,10}$ && "$seed" -le 4294967295 ) ]] || { echo "make-zip.sh: --seed must be an integer in [0, 4294967295]" >&2; exit 2; }
[[ -z "$time_limit" || "$time_limit" =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "make-zip.sh: --time-limit must be a number of seconds" >&2; exit 2; }
[[ -z "$deadline" || "$deadline" =~ ^[1-9][0-9]*$ ]] || { echo "make-zip.sh: --deadline must be a whole number of seconds" >&2; exit 2; }
for slug in "${slugs[@]}"; do
  [[ "$slug" =~ ^[a-z0-9-]+$ && -d "$repo/exercises/$slug" ]] || { echo "make-zip.sh: no exercise '$slug' in $repo/exercises" >&2; exit 2; }
done
if [[ -n "$suite" ]]; then
  [[ -d "$suite" ]] || { echo "make-zip.sh: --suite $suite is not a folder" >&2; exit 2; }
  suite="$(cd "$suite" && pwd)"
fi
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
command -v zip >/dev/null 2>&1 || { echo "make-zip.sh: needs zip (apt-get install zip)" >&2; exit 2; }
git -C "$repo" rev-parse --git-dir >/dev/null 2>&1 || { echo "make-zip.sh: $repo is not a git checkout" >&2; exit 2; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

# The repo's files that git tracks or would track, less what must stay out.
git -C "$repo" ls-files -z --cached --others --exclude-standard |
  grep -zvE '^(solutions/|grading/suites/[^/]+/broken/|grading/bench/|grading/test/|harness/test/|\.ci/|\.github/)' |
  while IFS= read -r -d '' file; do
    [[ -f "$repo/$file" ]] || continue
    mkdir -p "$stage/$(dirname "$file")"
    cp -p "$repo/$file" "$stage/$file"
  done

cp "$here/setup.sh" "$here/run_autograder" "$stage/"
chmod 755 "$stage/setup.sh" "$stage/run_autograder"

if [[ -n "$suite" ]]; then
  cp -R "$suite" "$stage/private-suite"
fi

{
  echo "# Written by grading/gradescope/make-zip.sh; read by run_autograder."
  if [[ -n "$seed" ]]; then echo "seed=$seed"; fi
  if [[ ${#slugs[@]} -gt 0 ]]; then echo "exercises=${slugs[*]}"; fi
  if [[ -n "$suite" ]]; then echo "suite=private-suite"; fi
  if [[ -n "$time_limit" ]]; then echo "time_limit=$time_limit"; fi
  if [[ -n "$deadline" ]]; then echo "deadline=$deadline"; fi
} >"$stage/autograder.conf"

rm -f "$out"
mkdir -p "$(dirname "$out")"
(cd "$stage" && zip -q -r -X "$out" .)
echo "make-zip.sh: wrote $out ($(find "$stage" -type f | wc -l | tr -d ' ') files)"
[[ -n "$seed" ]] && echo "make-zip.sh: the seed is inside the zip: keep the zip private"
exit 0
