#!/usr/bin/awk -f
# Summarises bench/cold-start.sh's rounds (the benchmark's Markdown rows, one report per round): per build, the range of the
# rounds' ratios to the bare app and the median of all its runs against the median of all the bare app's runs. POSIX awk.
function median(list,    n, v, i, j, t) {
  n = split(list, v, ",")
  for (i = 2; i <= n; i++) { t = v[i] + 0; for (j = i - 1; j >= 1 && v[j] + 0 > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
  return n % 2 ? v[(n + 1) / 2] + 0 : (v[n / 2] + v[n / 2 + 1]) / 2
}
BEGIN { FS = "|" }
# | measure | median | runs | ratio |: the runs are the third field, the ratio (with ** and ×) the fourth.
/^\| bare ASP\.NET Core app, process start/ { bare = bare "," $4 }
/^\| worker \(.*\), worker process start → first storage answer/ {
  label = $2; sub(/^ *worker \(/, "", label); sub(/\).*/, "", label)
  if (!(label in runs)) { order[++labels] = label; low[label] = 1e9; high[label] = 0 }
  runs[label] = runs[label] "," $4
  ratio = $5; gsub(/[^0-9.]/, "", ratio); ratio += 0
  if (ratio < low[label]) low[label] = ratio
  if (ratio > high[label]) high[label] = ratio
  rounds[label]++
}
END {
  if (bare == "") { print "no rounds found"; exit 1 }
  b = median(substr(bare, 2))
  printf "bare app: median of all runs %.0f ms\n", b
  for (i = 1; i <= labels; i++) {
    l = order[i]; w = median(substr(runs[l], 2))
    printf "%s: %d rounds, %.2f–%.2f× (worst round %.2f×); median of all runs %.0f ms, %.2f× the bare app's\n", l, rounds[l], low[l], high[l], high[l], w, w / b
  }
}
