#!/usr/bin/env bash
# Samples what the live platform costs, for final/README.md's figures: every 10 s, the resident memory (RSS) and the
# cumulative CPU time of the demo JVM, every process it started (Kafka, ClickHouse, Prometheus) and its PostgreSQL (which
# runs detached from the JVM: found by the port the demo prints).
#   ./workbook demo --rate 20000 --duration 10m --dashboards 4 > demo.log 2>&1 &
#   final/scripts/platform-sampler.sh demo.log samples.txt
# CPU in cores over a span = difference of cpu_s between two lines / difference of their timestamps.
log="$1"; out="$2"
until grep -q 'PostgreSQL ready on port' "$log" 2>/dev/null; do sleep 1; done
pgport=$(sed -n 's/.*PostgreSQL ready on port \([0-9]*\).*/\1/p' "$log" | head -1)
demo=$(pgrep -f 'streamworkbook.platform.PlatformDemo' | head -1)
echo "demo pid $demo, postgres port $pgport" > "$out"
descendants() { local p=$1; echo $p; for c in $(pgrep -P $p); do descendants $c; done; }
while kill -0 "$demo" 2>/dev/null; do
  pm=$(ss -ltnpH "sport = :$pgport" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
  pids="$(descendants $demo) $( [ -n "$pm" ] && descendants $pm )"
  pids=$(echo $pids | tr ' ' ',')
  # rss in KB, cputime as [[dd-]hh:]mm:ss
  ps -o pid=,rss=,times=,comm= -p "$pids" 2>/dev/null | awk -v t="$(date +%s)" '{rss+=$2; cpu+=$3; n++; procs=procs" "$4":"int($2/1024)"M"} END {printf "%s rss_mb=%d cpu_s=%d procs=%d%s\n", t, rss/1024, cpu, n, procs}' >> "$out"
  sleep 10
done
