#!/usr/bin/env bash
# Draws a kiosk soak log (myomap --kiosk --frames N --soak-log FILE.csv) as an SVG: resident
# memory on top, frame time (each 100 frames' mean, and their slowest) below, with the visitors'
# taps marked along the bottom. Plain awk, no plotting package.
#
#   bench/soak_plot.sh soak.csv > soak.svg [TITLE]
set -euo pipefail
if [ $# -lt 1 ] || [ ! -r "$1" ]; then
  echo "usage: bench/soak_plot.sh SOAK.csv [TITLE] > OUT.svg   (SOAK.csv from myomap --soak-log)" >&2
  exit 2
fi
header=$(head -n 1 "$1")
if [ "$header" != "frame,kiosk_s,rss_mb,mean_ms,max_ms,visitor" ]; then
  echo "bench/soak_plot.sh: $1 is not a soak log (its first line is '$header')" >&2
  exit 1
fi
awk -F, -v title="${2:-Kiosk soak}" '
function niceStep(range,   raw, mag, f) {
  raw = range / 5; mag = 1
  while (mag * 10 <= raw) mag *= 10
  while (mag > raw) mag /= 10
  f = raw / mag
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag
}
function axisTop(v,   s) { s = niceStep(v); return (int(v / s) + (v % s > 0 ? 1 : 0)) * s }
function px(frame) { return L + (frame / maxFrame) * W }
function axis(top, height, maxValue, unit,   step, v, y) {
  step = niceStep(maxValue)
  for (v = 0; v <= maxValue + step / 1000; v += step) {
    y = top + height - v / maxValue * height
    printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>\n", L, y, L + W, y
    printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"t\">%g</text>\n", L - 6, y + 4, v
  }
  printf "<text x=\"14\" y=\"%.1f\" class=\"t\" transform=\"rotate(-90 14 %.1f)\" text-anchor=\"middle\">%s</text>\n",
         top + height / 2, top + height / 2, unit
}
function line(top, height, maxValue, column, colour, width,   i, d) {
  d = ""
  for (i = 1; i <= n; ++i) d = d sprintf("%s%.1f,%.1f", i == 1 ? "M" : " L", px(frame[i]), top + height - column[i] / maxValue * height)
  printf "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"/>\n", d, colour, width
}
NR > 1 {
  ++n; frame[n] = $1; kiosk[n] = $2; rss[n] = $3; mean[n] = $4; slow[n] = $5; visitor[n] = $6
  if ($3 > maxRss) maxRss = $3
  if ($5 > maxSlow) maxSlow = $5
  if (n == 1 || $3 < minRss) minRss = $3
  sumMean += $4
}
END {
  if (n == 0) { print "bench/soak_plot.sh: the log has no rows" > "/dev/stderr"; exit 1 }
  maxFrame = frame[n]; L = 70; W = 680; top1 = 50; h1 = 150; top2 = 250; h2 = 150
  rssAxis = axisTop(maxRss * 1.1); msAxis = axisTop(maxSlow * 1.1)
  print "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"780\" height=\"470\" viewBox=\"0 0 780 470\" font-family=\"sans-serif\">"
  print "<style>.t{font-size:12px;fill:#444}.h{font-size:14px;fill:#222;font-weight:bold}</style>"
  print "<rect width=\"780\" height=\"470\" fill=\"#ffffff\"/>"
  printf "<text x=\"%d\" y=\"22\" class=\"h\">%s: %d frames, %.0f min of kiosk time</text>\n", L, title, maxFrame, kiosk[n] / 60
  printf "<text x=\"%d\" y=\"%d\" class=\"t\">resident memory: %.1f to %.1f MB</text>\n", L, top1 - 8, minRss, maxRss
  axis(top1, h1, rssAxis, "RSS (MB)")
  line(top1, h1, rssAxis, rss, "#1f5fa8", 1.8)
  printf "<text x=\"%d\" y=\"%d\" class=\"t\">frame time: mean of each 100 frames (dark, overall %.1f ms) and the slowest of them (light)</text>\n", L, top2 - 8, sumMean / n
  axis(top2, h2, msAxis, "frame (ms)")
  line(top2, h2, msAxis, slow, "#f0a35e", 1)
  line(top2, h2, msAxis, mean, "#b5450b", 1.5)
  for (i = 1; i <= n; ++i) if (visitor[i]) printf "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"6\" fill=\"#2e8b57\"/>\n", px(i > 1 ? frame[i - 1] : 0), top2 + h2 + 6, px(frame[i]) - px(i > 1 ? frame[i - 1] : 0)
  printf "<text x=\"%d\" y=\"%d\" class=\"t\">green: a scripted visitor tapping the body</text>\n", L, top2 + h2 + 28
  step = niceStep(maxFrame)
  for (f = 0; f <= maxFrame + step / 1000; f += step)
    printf "<text x=\"%.1f\" y=\"%d\" class=\"t\" text-anchor=\"middle\">%g</text>\n", px(f), top2 + h2 + 48, f
  printf "<text x=\"%d\" y=\"%d\" class=\"t\" text-anchor=\"middle\">frame</text>\n", L + W / 2, top2 + h2 + 64
  print "</svg>"
}' "$1"
