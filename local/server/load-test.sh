#!/usr/bin/env bash
# The server under load: 10,000 executions from 16 concurrent SfnClient threads (see bench/LoadTest.java).
# Usage: local/server/load-test.sh [--executions N] [--clients N]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -q -B -pl local/server -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
module="$root/local/server"
exec java -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")" \
    appliance.server.bench.LoadTest "$@"
