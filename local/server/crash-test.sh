#!/usr/bin/env bash
# Crash safety, by hand (a benchmark, not a test; the JUnit suite runs a short one, CrashRecoveryTest):
# bin/appliance serve on a file store, 16 clients starting executions of five machines (Pass, Wait,
# Task with retries and a catch, Map, Parallel), 10 kill -9 and one SIGTERM at random moments, a restart
# after each; then every acknowledged execution is checked (lost, duplicated, resumed, ended, history
# complete, output equal to an uninterrupted run), and a loop to 25,000 events with a 256 KiB state
# must fail as AWS fails it with the server's heap capped. See crash/CrashTest.java.
# Usage: local/server/crash-test.sh [--clients 16] [--kills 10] [--terms 1] [--acknowledged 5000] [--heap 256m]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bin/appliance --version >/dev/null   # builds what is missing, once, before the clock starts
mvn -q -B -ntp -pl local/server -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
module="$root/local/server"
exec java -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")" \
    appliance.server.crash.CrashTest "$@" -- "$root/bin/appliance" serve --port '{port}' --db '{db}'
