#!/usr/bin/env bash
# The Spark-against-one-machine figures of docs/performance.md: generates each size as .npy and as
# a Spark-written Parquet table (Gen.java, same values), then times ./logme score three ways.
# Usage: docs/spark-benchmark/run.sh [OUT_DIR]   (needs the jars: ./logme builds them)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-/tmp/logme-spark-benchmark}"
(cd "$here" && mvn -q -B -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
  -pl logme-cli,logme-models-text,logme-spark -am package)
cp="$here/logme-cli/target/logme.jar:$here/logme-spark/target/logme-spark.jar"
cp="$cp:$(cat "$here/logme-spark/target/spark-classpath.txt")"
for size in "20000 256 10" "50000 512 20" "100000 1024 50"; do
  set -- $size
  d="$out/$1x$2"
  java -Xmx2g -Dslf4j.provider=org.slf4j.nop.NOPServiceProvider -cp "$cp" \
    "$here/docs/spark-benchmark/Gen.java" "$1" "$2" "$3" "$d" >/dev/null 2>&1
  for mode in npy spark parquet-local; do
    case $mode in
      npy) args=(--features "$d/features.npy" --labels "$d/labels.npy") ;;
      spark) args=(--engine spark --features "$d/X.parquet:features" --labels "$d/X.parquet:label") ;;
      parquet-local) args=(--features "$d/X.parquet:features" --labels "$d/X.parquet:label") ;;
    esac
    /usr/bin/time -f "%e s %M KB" -o "$d/$mode.time" "$here/logme" score "${args[@]}" --json \
      > "$d/$mode.json"
    echo "$1x$2 $mode: $(tail -1 "$d/$mode.time"), $(grep -m1 '"score"' "$d/$mode.json")"
  done
done
