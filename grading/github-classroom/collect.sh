#!/usr/bin/env bash
# Collects one assignment's submissions: one commit of each student's repository,
# for `npm run grade -- SLUG --batch`. Run by the instructor's "faultline collect"
# workflow (instructor/collect.yml); it runs no student code.
#
#   grading/github-classroom/collect.sh --owner OWNER --prefix PREFIX --exercise SLUG
#                                       [--deadline TIME] --out DIR
#
#   --owner OWNER     the organization holding the students' repositories
#   --prefix PREFIX   the assignment's prefix: a student's repository is PREFIX-<student>
#   --exercise SLUG   the exercise the assignment grades (written into the manifest)
#   --deadline TIME   take each repository's default branch as its last push before TIME
#                     left it (ISO 8601; GitHub records when each push arrived, which a
#                     student cannot change, unlike a commit's date). Empty or absent:
#                     the branch as it is now.
#   --out DIR         writes DIR/submissions.tar.gz (submissions/<student>/, a git
#                     checkout of the one commit) and DIR/manifest.json
#
# Needs gh, jq and git (a GitHub runner has them) and GH_TOKEN, a token that can read
# the students' repositories. The token reaches gh and git through the environment
# only: never a command line, a URL or a file, so neither the log nor the artifact
# holds it. Exit status: 0 when at least one submission was collected, 1 when none
# was, 2 for a usage error.
set -euo pipefail

owner="" prefix="" exercise="" deadline="" out=""
usage() {
  echo "usage: grading/github-classroom/collect.sh --owner OWNER --prefix PREFIX --exercise SLUG [--deadline TIME] --out DIR" >&2
  echo "collect.sh: $1" >&2
  exit 2
}
need() { [[ $# -ge 2 ]] || usage "$1 needs a value"; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --owner) need "$@"; owner="$2"; shift 2 ;;
    --prefix) need "$@"; prefix="$2"; shift 2 ;;
    --exercise) need "$@"; exercise="$2"; shift 2 ;;
    --deadline) need "$@"; deadline="$2"; shift 2 ;;
    --out) need "$@"; out="$2"; shift 2 ;;
    *) usage "unknown argument $1" ;;
  esac
done
[[ "$owner" =~ ^[A-Za-z0-9][A-Za-z0-9-]*$ ]] || usage "--owner must be a GitHub account name, got '$owner'"
[[ "$prefix" =~ ^[A-Za-z0-9._-]+$ ]] || usage "--prefix must be the start of a repository name (letters, digits, . _ -), got '$prefix'"
[[ "$exercise" =~ ^[a-z0-9-]+$ ]] || usage "--exercise must be an exercise's slug, got '$exercise'"
[[ -n "$out" ]] || usage "--out DIR is missing: where the submissions and manifest.json go"
[[ -n "${GH_TOKEN:-}" ]] || usage "GH_TOKEN is not set: set the secret STUDENT_REPOS_TOKEN to a token that can read the students' repositories"
for tool in gh jq git tar; do
  command -v "$tool" >/dev/null 2>&1 || usage "needs $tool on PATH"
done
deadline_epoch=""
if [[ -n "$deadline" ]]; then
  deadline_epoch=$(date -u -d "$deadline" +%s 2>/dev/null) || usage "--deadline '$deadline' is not a time date(1) can read; write it as 2026-12-01T23:59:00Z"
  deadline=$(date -u -d "@$deadline_epoch" +%Y-%m-%dT%H:%M:%SZ)
fi

server="${GITHUB_SERVER_URL:-https://github.com}"
work="$out/work"
rm -rf "$work"
mkdir -p "$work/submissions"
entries="$work/entries.jsonl"
: >"$entries"

# git asks this helper for the password: it prints GH_TOKEN from its own environment.
# The helper's text holds the variable's name, not its value.
# shellcheck disable=SC2016
helper='!f() { test "$1" = get && printf "username=x-access-token\npassword=%s\n" "$GH_TOKEN"; }; f'

# The head of `branch` at the deadline: the `after` of the last activity on it
# (push, force push, creation, deletion) that GitHub recorded at or before it.
head_at_deadline() {
  local repo="$1" branch="$2"
  gh api --paginate "repos/$repo/activity?ref=refs/heads/$branch&direction=desc&per_page=100" |
    jq -rs --argjson by "$deadline_epoch" '
      def epoch: sub("\\.[0-9]+Z$"; "Z") | sub("\\+00:00$"; "Z") | fromdateiso8601;
      [.[][] | select((.timestamp | epoch) <= $by)] | sort_by(.timestamp | epoch) | last
      | if . == null then "" else "\(.after)\t\(.timestamp)" end'
}

# Records that `student` ($repo) has no submission, and why.
missing() {
  echo "no submission from $student ($repo): $1"
  jq -nc --arg student "$student" --arg repo "$repo" --arg why "$1" '{student: $student, repo: $repo, why: $why}' >>"$entries"
}

collected=0
repos=$(gh api --paginate "orgs/$owner/repos?type=all&per_page=100" |
  jq -rs --arg p "$prefix-" '.[][] | select(.name | startswith($p)) | select(.is_template | not)
    | [.full_name, .name, (.default_branch // "")] | @tsv') ||
  { echo "collect.sh: could not list the repositories of $owner: is it an organization, and can STUDENT_REPOS_TOKEN read its repositories?" >&2; exit 1; }

# The list comes in on descriptor 3, so that no command in the loop can read it up.
while IFS=$'\t' read -r repo name branch <&3; do
  [[ -n "$repo" ]] || continue
  student="${name#"$prefix"-}"
  if ! [[ "$student" =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]]; then
    echo "skipped $repo: '$student' is not a student's name"
    jq -nc --arg repo "$repo" --arg why "its name after the prefix is not a student's name" '{repo: $repo, why: $why}' >>"$entries"
    continue
  fi
  if [[ -z "$branch" ]]; then missing "the repository is empty"; continue; fi
  pushed=""
  if [[ -n "$deadline" ]]; then
    found=$(head_at_deadline "$repo" "$branch") || { missing "GitHub did not list the pushes to $branch"; continue; }
    if [[ -z "$found" ]]; then missing "no push to $branch before $deadline"; continue; fi
    IFS=$'\t' read -r sha pushed <<<"$found"
  else
    sha=$(gh api "repos/$repo/branches/$branch" --jq .commit.sha) || { missing "GitHub did not show the branch $branch"; continue; }
  fi
  if ! [[ "$sha" =~ ^[0-9a-f]{40}$ ]] || [[ "$sha" =~ ^0+$ ]]; then missing "$branch had no commit at the time"; continue; fi
  dir="$work/submissions/$student"
  rm -rf "$dir"
  git init --quiet "$dir"
  if ! GIT_LFS_SKIP_SMUDGE=1 GIT_TERMINAL_PROMPT=0 git -C "$dir" -c credential.helper= -c "credential.helper=$helper" \
    fetch --quiet --depth 1 --no-tags "$server/$repo.git" "$sha" ||
    ! GIT_LFS_SKIP_SMUDGE=1 git -C "$dir" -c advice.detachedHead=false checkout --quiet --detach FETCH_HEAD; then
    rm -rf "$dir"
    missing "git could not fetch commit $sha"
    continue
  fi
  echo "$student: $repo at ${sha:0:12}${pushed:+ (pushed $pushed)}"
  jq -nc --arg student "$student" --arg repo "$repo" --arg branch "$branch" --arg commit "$sha" --arg pushed "$pushed" \
    '{student: $student, repo: $repo, branch: $branch, commit: $commit} + (if $pushed == "" then {} else {pushed: $pushed} end)' >>"$entries"
  collected=$((collected + 1))
done 3<<<"$repos"

jq -s --arg exercise "$exercise" --arg owner "$owner" --arg prefix "$prefix" --arg deadline "$deadline" \
  --arg collected "$(date -u +%Y-%m-%dT%H:%M:%SZ)" '
  { version: 1, exercise: $exercise, owner: $owner, prefix: $prefix,
    deadline: (if $deadline == "" then null else $deadline end), collected: $collected,
    submissions: [.[] | select(.commit)], missing: [.[] | select(.commit | not)] }' "$entries" >"$out/manifest.json"
tar -czf "$out/submissions.tar.gz" -C "$work" submissions
rm -rf "$work"

echo "collected $collected submission(s) of $owner/$prefix-*; $(jq '.missing | length' "$out/manifest.json") without one"
if [[ $collected -eq 0 ]]; then
  echo "collect.sh: no submission to grade: no repository of $owner is named $prefix-<student>, or none had a commit to take" >&2
  exit 1
fi
