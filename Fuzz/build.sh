#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (a package apart, so the main build is untouched) into
# .build-fuzz/ at the repository root. Prints the folder holding the four binaries.
#
# Swift code is built with -sanitize=fuzzer (coverage-guided, libFuzzer's main) and
# -sanitize=address; the C code (Yams' libyaml) gets the same coverage and AddressSanitizer
# through -Xcc. Release by default (FUZZ_CONFIGURATION=debug builds faster, runs slower: CI),
# with -enable-testing so the shell target can reach the tokenizer.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="${HEADWAY_FUZZ_SCRATCH:-$root/.build-fuzz}"
configuration="${FUZZ_CONFIGURATION:-release}"
flags=(--package-path "$root/Fuzz" --scratch-path "$scratch" -c "$configuration"
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing
       -Xcc -fsanitize=fuzzer-no-link,address)
# SwiftPM keeps its build plan for a path dependency and misses source files added to the
# main package since; dropping the plan makes it look again (the objects stay cached).
rm -f "$scratch/$configuration.yaml"
swift build "${flags[@]}" >&2
swift build "${flags[@]}" --show-bin-path
