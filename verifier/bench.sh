#!/usr/bin/env bash
# Verifier benchmark (docs/performance.md): writes the test class path with the "bench" profile, then runs
# fr.regard.verifier.bench.VerificationBenchmark in one plain JVM. Arguments (optional): entries, rounds.
# The 1,000,000-entry bundle is generated once into target/bench/ (about 370 MB) and reused.
set -euo pipefail
cd "$(dirname "$0")"
../mvnw -q -o -Pbench test-compile
exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  fr.regard.verifier.bench.VerificationBenchmark target/bench "$@"
