#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/build.sh) and runs each for SECONDS (default 600), two at
# a time, from its seed corpus in Fixtures/fuzz/<target>/. New inputs go to a scratch corpus,
# not to Fixtures/. Exits 1 when any target crashes, times out or runs out of memory; the
# input is kept in .build-fuzz/findings/<target>/ (add it to Fixtures/fuzz/regressions/ and
# a regression test). The last lines give each target's execs/s, total execs and coverage.
#
#   Fuzz/run.sh [SECONDS]           run every target
#   FUZZ_TARGETS="assessment" Fuzz/run.sh 60   run some of them
#   FUZZ_JOBS=1 Fuzz/run.sh 20      one at a time
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-600}"
jobs="${FUZZ_JOBS:-2}"
# curricula first: under AddressSanitizer its seeds alone (the bundled copy's 100 KB) take
# about 50 s of a debug build, while the other three run one after another beside it.
targets=(${FUZZ_TARGETS:-curricula shell-line assessment profile-import})

bin="$("$root/Fuzz/build.sh")"
out="$root/.build-fuzz/findings"
mkdir -p "$out"

binary() {
  case "$1" in
    shell-line) echo FuzzShellLine ;;
    assessment) echo FuzzAssessment ;;
    curricula) echo FuzzCurricula ;;
    profile-import) echo FuzzProfileImport ;;
    *) echo "unknown fuzz target '$1'; known: shell-line assessment curricula profile-import" >&2; return 1 ;;
  esac
}

run_one() {
  local target="$1" exe
  exe="$(binary "$target")"
  local dir="$out/$target" corpus="$out/$target/corpus"
  rm -rf "$dir"; mkdir -p "$corpus"
  # Leak checks are off: Swift's lazily made globals read as leaks to LeakSanitizer.
  # Inputs up to 64 KiB (the bundled skills.yaml seed is 65 KiB); 10 s per input is a hang.
  (cd "$dir" && SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$bin/$exe" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=70000 -detect_leaks=0 \
      -print_final_stats=1 -artifact_prefix="$dir/" \
      "$corpus" "$root/Fixtures/fuzz/$target" >"$dir/log.txt" 2>&1) || true
}

# A pool of `jobs`: the next target starts when any running one ends (`wait -n`).
running=0
for t in "${targets[@]}"; do
  binary "$t" >/dev/null
  if ((running >= jobs)); then wait -n || true; running=$((running - 1)); fi
  run_one "$t" &
  running=$((running + 1))
done
wait

status=0
for t in "${targets[@]}"; do
  dir="$out/$t"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log.txt" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log.txt" | tail -1)
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*/[0-9A-Za-z]*' "$dir/log.txt" | tail -1)
  found=$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | sort)
  printf '%-15s %ss  %s execs  %s execs/s  %s\n' "$t" "$seconds" "${execs:-?}" "${rate:-?}" "${cov:-no coverage line}"
  if [[ -n "$found" ]] || ! grep -q '^Done [0-9]* runs' "$dir/log.txt"; then
    status=1
    echo "FUZZ FAILURE in $t (log: $dir/log.txt):" >&2
    grep -m3 -E 'ERROR|fuzz property failed|Fatal error|deadly signal|Test unit written' "$dir/log.txt" >&2 || tail -5 "$dir/log.txt" >&2
    for f in $found; do echo "  input: $f" >&2; done
  fi
done
exit $status
