#!/usr/bin/env bash
# The server under load: 10,000 executions from 16 concurrent SfnClient threads (see bench/LoadTest.java).
# Usage: local/server/load-test.sh [--executions N] [--clients N]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# Maven 3.8 writes colour codes even in batch mode; they are cut unless this is a terminal.
strip_colour() { if [ -t 1 ]; then cat; else sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g'; fi; }
mvn -q -B -pl local/server -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test 2>&1 | strip_colour
module="$root/local/server"
exec java -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")" \
    appliance.server.bench.LoadTest "$@"
