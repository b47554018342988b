#!/usr/bin/env bash
# Tells each student the grade that counts: posts each entry of feedback.json
# (written by feedback.ts in the "faultline grade" workflow) as an issue in the
# student's repository, or as a comment on the issue of that title this token's
# user opened before. Run by the instructor's "faultline publish" workflow
# (instructor/publish.yml); it runs no student code.
#
#   grading/github-classroom/publish.sh --feedback FILE [--post]
#
#   --feedback FILE  feedback.json: [{repo, student, title, body}]
#   --post           post; without it, only show what would be posted (on the run's
#                    page when GITHUB_STEP_SUMMARY is set, else on standard output)
#
# Posting needs gh, jq and GH_TOKEN, a token with Issues: read and write on the
# students' repositories, handed to gh through the environment only. Exit status:
# 0 when every entry was posted (or shown), 1 when any could not be, 2 for a usage error.
set -euo pipefail

feedback="" post=false
usage() {
  echo "usage: grading/github-classroom/publish.sh --feedback FILE [--post]" >&2
  echo "publish.sh: $1" >&2
  exit 2
}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --feedback) [[ $# -ge 2 ]] || usage "--feedback needs a value"; feedback="$2"; shift 2 ;;
    --post) post=true; shift ;;
    *) usage "unknown argument $1" ;;
  esac
done
[[ -n "$feedback" ]] || usage "--feedback FILE is missing: the feedback.json of a \"faultline grade\" run"
[[ -f "$feedback" ]] || usage "--feedback $feedback is not a file: download the artifact \"grades\" of a \"faultline grade\" run"
command -v jq >/dev/null 2>&1 || usage "needs jq on PATH"
jq -e 'type == "array" and all(.[]; (.repo | type) == "string" and (.title | type) == "string" and (.body | type) == "string")' "$feedback" >/dev/null ||
  usage "$feedback is not a list of {repo, title, body}: use the feedback.json a \"faultline grade\" run uploaded"
if $post; then
  command -v gh >/dev/null 2>&1 || usage "needs gh on PATH"
  [[ -n "${GH_TOKEN:-}" ]] || usage "GH_TOKEN is not set: set the secret STUDENT_ISSUES_TOKEN to a token with Issues: read and write on the students' repositories"
  me=$(gh api user --jq .login) || { echo "publish.sh: GitHub did not say whose token GH_TOKEN is: is STUDENT_ISSUES_TOKEN a valid personal access token?" >&2; exit 1; }
fi
show="${GITHUB_STEP_SUMMARY:-/dev/stdout}"

failed=0 done=0
count=$(jq length "$feedback")
for ((i = 0; i < count; i++)); do
  repo=$(jq -r ".[$i].repo" "$feedback")
  title=$(jq -r ".[$i].title" "$feedback")
  if ! [[ "$repo" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]]; then
    echo "skipped entry $i: '$repo' is not an owner/name repository" >&2
    failed=$((failed + 1))
    continue
  fi
  if ! $post; then
    { printf '### %s: %s\n\n' "$repo" "$title"; jq -r ".[$i].body" "$feedback"; printf '\n\n---\n\n'; } >>"$show"
    done=$((done + 1))
    continue
  fi
  number=$(gh api --paginate "repos/$repo/issues?creator=$me&state=all&per_page=100" |
    jq -rs --arg t "$title" '[.[][] | select(.title == $t and (.pull_request | not))] | first | .number // empty') || number=""
  if [[ -n "$number" ]]; then
    what="commented on $repo#$number"
    jq -r ".[$i].body" "$feedback" | gh issue comment "$number" --repo "$repo" --body-file - >/dev/null || what=""
  else
    what="opened an issue in $repo"
    jq -r ".[$i].body" "$feedback" | gh issue create --repo "$repo" --title "$title" --body-file - >/dev/null || what=""
  fi
  if [[ -z "$what" ]]; then
    echo "could not post to $repo: does it have issues turned on, and can STUDENT_ISSUES_TOKEN write them?" >&2
    failed=$((failed + 1))
  else
    echo "$what"
    done=$((done + 1))
  fi
done

if $post; then echo "posted $done of $count"; else echo "showed $done of $count (nothing posted: run with post checked to post)"; fi
[[ $failed -eq 0 ]]
