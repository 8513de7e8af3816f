#!/usr/bin/env bash
# The action's run step: one dbxsync command, its exit code and plan path as step outputs.
# Exit codes 0 and 2 (changes pending) pass the step; 1 fails it, after the outputs are written.
set -uo pipefail
set +e  # the exit code is an output: a failed command must not end the script first
dbxsync="${RUNNER_TEMP:-/tmp}/dbxsync-bin/dbxsync"
read -r -a extra <<< "${ARGS:-}"
plan=''
case "${COMMAND:-}" in
  '') exit 0 ;;
  validate) "$dbxsync" validate --dir "$DIR" "${extra[@]}"; code=$? ;;
  plan | drift) plan=plan.json; "$dbxsync" plan --dir "$DIR" --detailed-exitcode --out "$plan" --quiet "${extra[@]}"; code=$? ;;
  apply) "$dbxsync" apply --dir "$DIR" --auto-approve --quiet "${extra[@]}"; code=$? ;;
  reconcile) "$dbxsync" reconcile --dir "$DIR" --auto-approve "${extra[@]}"; code=$? ;;
  *) echo "::error::unknown command \"$COMMAND\": validate, plan, apply, reconcile or drift"; exit 1 ;;
esac
{
  echo "exit-code=$code"
  echo "plan-path=$plan"
  if [ "$code" = 2 ]; then echo "has-changes=true"; else echo "has-changes=false"; fi
} >> "$GITHUB_OUTPUT"
if [ "$code" != 0 ] && [ "$code" != 2 ]; then exit "$code"; fi
exit 0
