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
#                         without its <slug>/broken/ folders
#   --time-limit SECONDS  wall-clock limit of one exercise's run
#   --deadline SECONDS    limit of the whole grade (default 540); keep it a minute under
#                         the assignment's Gradescope timeout (10 minutes unless raised)
#   SLUG ...              the exercises this assignment grades (default: all)
#
# The files are those of commit HEAD, never the work tree: an edit not yet
# committed does not ship (the script says which files differ). Left out is
# what grading/shipping.ts withholds from every copy that leaves the repo, the
# learner edition included: solutions/ (the reference implementations), the
# known-wrong variants (grading/suites/*/broken/), the mutation allow-lists
# (grading/mutation/, which quote the reference), grading/variants/,
# grading/redteam/, grading/bench/, the repo's own tests (grading/test/,
# harness/test/), .ci/ and .github/ (`npx tsx grading/shipping.ts withheld`
# lists them). Unlike the edition, the zip keeps every hidden suite: it grades.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$PWD/faultline-gradescope.zip"
seed="" suite="" time_limit="" deadline="" slugs=()

USAGE="usage: grading/gradescope/make-zip.sh [--out FILE] [--seed N] [--suite DIR] [--time-limit SECONDS] [--deadline SECONDS] [SLUG ...]"
# A usage error: the usage line, then the reason last, where it is seen.
fail() {
  printf '%s\nmake-zip.sh: %s\n' "$USAGE" "$1" >&2
  exit 2
}
need() { [[ $# -ge 2 && -n "$2" ]] || fail "$1 needs a value"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) need "$@"; out="$2"; shift 2 ;;
    --seed) need "$@"; seed="$2"; shift 2 ;;
    --suite) need "$@"; suite="$2"; shift 2 ;;
    --time-limit) need "$@"; time_limit="$2"; shift 2 ;;
    --deadline) need "$@"; deadline="$2"; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) fail "unknown option $1" ;;
    *) slugs+=("$1"); shift ;;
  esac
done

[[ -z "$seed" || ( "$seed" =~ ^[0-9]{1,10}$ && "$seed" -le 4294967295 ) ]] || fail "--seed must be an integer in [0, 4294967295], got '$seed'"
[[ -z "$time_limit" || "$time_limit" =~ ^[0-9]+(\.[0-9]+)?$ ]] || fail "--time-limit must be a number of seconds, got '$time_limit'"
[[ -z "$deadline" || "$deadline" =~ ^[1-9][0-9]*$ ]] || fail "--deadline must be a whole number of seconds, got '$deadline'"
git -C "$repo" rev-parse --verify --quiet 'HEAD^{commit}' >/dev/null || { echo "make-zip.sh: $repo is not a git checkout with a commit; the zip is built from HEAD" >&2; exit 2; }
# Exercises as committed: the zip holds HEAD, so an exercise only in the work tree is not in it.
for slug in ${slugs[@]+"${slugs[@]}"}; do
  [[ "$slug" =~ ^[a-z0-9-]+$ ]] && git -C "$repo" rev-parse --verify --quiet "HEAD:exercises/$slug/package.json" >/dev/null ||
    fail "no exercise '$slug' in HEAD's exercises/; exercises: $(git -C "$repo" ls-tree --name-only HEAD exercises/ | sed 's|^exercises/||' | paste -sd ' ' -)"
done
if [[ -n "$suite" ]]; then
  [[ -d "$suite" ]] || fail "--suite $suite is not a folder"
  suite="$(cd "$suite" && pwd)"
fi
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
command -v zip >/dev/null 2>&1 || { echo "make-zip.sh: needs zip (apt-get install zip)" >&2; exit 2; }
tsx="$repo/node_modules/.bin/tsx"
[[ -x "$tsx" ]] || { echo "make-zip.sh: $tsx is missing: run npm ci in $repo first" >&2; exit 2; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

# HEAD's files less what never ships (grading/shipping.ts), and the private suite less its variants.
suite_args=()
if [[ -n "$suite" ]]; then suite_args=(--suite "$suite"); fi
commit="$("$tsx" "$repo/grading/shipping.ts" gradescope --into "$stage" ${suite_args[@]+"${suite_args[@]}"})"

# run_autograder and setup.sh as committed, at the top where Gradescope looks for them.
cp "$stage/grading/gradescope/setup.sh" "$stage/grading/gradescope/run_autograder" "$stage/"
chmod 755 "$stage/setup.sh" "$stage/run_autograder"

{
  echo "# Written by grading/gradescope/make-zip.sh from commit $commit; read by run_autograder."
  if [[ -n "$seed" ]]; then echo "seed=$seed"; fi
  if [[ ${#slugs[@]} -gt 0 ]]; then echo "exercises=${slugs[*]}"; fi
  if [[ -n "$suite" ]]; then echo "suite=private-suite"; fi
  if [[ -n "$time_limit" ]]; then echo "time_limit=$time_limit"; fi
  if [[ -n "$deadline" ]]; then echo "deadline=$deadline"; fi
} >"$stage/autograder.conf"

rm -f "$out"
mkdir -p "$(dirname "$out")"
(cd "$stage" && zip -q -r -X "$out" .)
echo "make-zip.sh: wrote $out ($(find "$stage" -type f | wc -l | tr -d ' ') files, commit ${commit:0:12})"
[[ -n "$seed" ]] && echo "make-zip.sh: the seed is inside the zip: keep the zip private"
exit 0
