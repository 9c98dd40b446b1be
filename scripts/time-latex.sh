#!/usr/bin/env bash
# Times the compilation of a typical ELU Explorer LaTeX figure (an α family and ReLU, inline
# coordinates) in a plain article, with pdflatex and lualatex: five runs each, the median.
# Usage: scripts/time-latex.sh [path/to/elu-explorer]   (default: build/release/app/elu-explorer)
set -euo pipefail
app=${1:-build/release/app/elu-explorer}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$app" --curve elu:alpha=0.5,1,2 --curve relu --tex "$work/fig.tex"
cat > "$work/doc.tex" <<'TEX'
\documentclass{article}
\usepackage{pgfplots}\pgfplotsset{compat=1.18}
\newcommand\eluwidth{\linewidth}\newcommand\eluheight{0.75\linewidth}
\begin{document}
\input{fig.tex}
\end{document}
TEX
for engine in pdflatex lualatex; do
  times=()
  for _ in 1 2 3 4 5; do
    start=$(date +%s.%N)
    (cd "$work" && "$engine" -interaction=nonstopmode -halt-on-error doc.tex >/dev/null)
    times+=("$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { print a - b }')")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  printf '%-9s median %.2f s (5 runs)\n' "$engine" "$median"
done
