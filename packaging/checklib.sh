# Shared by the package checks (dist-check.sh, native-check.sh), sourced,
# not run: a scratch folder removed on exit, and ok/fail/check, which count
# what passed and failed for the script's summary line.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passed=0
fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}
ok() {
	echo "ok: $*"
	passed=$((passed + 1))
}
# check NAME COMMAND...: runs COMMAND, counts it as passed or failed.
check() {
	local name=$1
	shift
	local out
	if out=$("$@" 2>&1); then
		ok "$name"
	else
		fail "$name"
		printf '%s\n' "$out" | sed 's/^/    /' >&2
	fi
}
