#!/usr/bin/env bash
# Verifier benchmark (docs/performance.md): writes the test class path with the "bench" profile, then runs
# fr.regard.verifier.bench.VerificationBenchmark in one plain JVM. Arguments (optional): entries, rounds, threads
# (default: entries 1000000, 7 rounds, the audit's default threads). Each round measures raw single-thread SHA-256
# of entries.jsonl, the audit on 1 thread and the audit on several threads.
# The 1,000,000-entry bundle is generated once into target/bench/ (about 370 MB) and reused.
set -euo pipefail
cd "$(dirname "$0")"
# Through the reactor (-am), so journal-format comes from its target/ folder and nothing needs "mvn install".
(cd .. && ./mvnw -q -o -Pbench -pl verifier -am test-compile)
exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  fr.regard.verifier.bench.VerificationBenchmark target/bench "$@"
