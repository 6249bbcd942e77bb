#!/usr/bin/env bash
# bench/run.sh - time factdiff beside git's word diff and Python difflib, in one
# run, on the same inputs (the seeded corpus of ../shared/bench/gen_corpus.py).
#
#   bash bench/run.sh                          # from the repository root
#   FORMAT=txt bash bench/run.sh
#   FACTDIFF=target/release/factdiff SIZES="small large" bash bench/run.sh
#
# Measured per case (small, medium, large pair; batch of 1,000 small pairs):
#   factdiff  $FACTDIFF diff A B --format json
#   git       git --no-pager diff --no-index --no-color --word-diff=porcelain A B
#   difflib   $PYTHON -S $SHARED_BENCH/peer_difflib.py A B
# On the batch, factdiff and git run once per pair in a bash loop; difflib runs
# as ONE process over the whole list (--list), as peers.sh does.
#
# Environment (defaults in brackets), see bench/README.md:
#   FACTDIFF [unset: build with cargo build --release, use target/release/factdiff]
#   SHARED_BENCH [<parent of repo>/shared/bench]  CORPUS [/tmp/factdiff-bench]
#   OUT [$CORPUS/factdiff-results/$FORMAT]  FORMAT [md: txt|md|html]
#   SIZES [small medium large batch]  PYTHON [python3, resolved past shims]
#   RUNS_small [30] RUNS_medium [20] RUNS_large [10] RUNS_batch [3] WARMUP [2]
#   MEM_RUNS [3] MEM_RUNS_batch [1]  CHECK_TIMEOUT [300 s per check command]
#
# Exit status: 0 ok; 1 a tool failed its check run (exit status >= 2, timeout,
# or factdiff printed invalid JSON) - the tables are still printed; 2 setup
# problem (missing tool, shared folder or corpus).
set -euo pipefail
set -f   # command lines below are split on blanks; never glob them

die() { echo "bench/run.sh: $*" >&2; exit 2; }
note() { echo "bench/run.sh: $*" >&2; }

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED_BENCH="${SHARED_BENCH:-$(dirname "$REPO")/shared/bench}"
CORPUS="${CORPUS:-/tmp/factdiff-bench}"
FORMAT="${FORMAT:-md}"
OUT="${OUT:-$CORPUS/factdiff-results/$FORMAT}"
SIZES="${SIZES:-small medium large batch}"
FACTDIFF="${FACTDIFF:-}"
WARMUP="${WARMUP:-2}"
RUNS_small="${RUNS_small:-30}"
RUNS_medium="${RUNS_medium:-20}"
RUNS_large="${RUNS_large:-10}"
RUNS_batch="${RUNS_batch:-3}"
MEM_RUNS="${MEM_RUNS:-3}"
MEM_RUNS_batch="${MEM_RUNS_batch:-1}"
CHECK_TIMEOUT="${CHECK_TIMEOUT:-300}"

# ---- preconditions --------------------------------------------------------
case "$FORMAT" in txt|md|html) ;; *) die "FORMAT must be txt, md or html (got '$FORMAT')" ;; esac
for s in $SIZES; do
    case "$s" in small|medium|large|batch) ;; *) die "unknown size '$s' in SIZES (small medium large batch)" ;; esac
done
for v in WARMUP RUNS_small RUNS_medium RUNS_large RUNS_batch MEM_RUNS MEM_RUNS_batch CHECK_TIMEOUT; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number (got '${!v}')"
done
for v in REPO SHARED_BENCH CORPUS OUT FACTDIFF; do
    case "${!v}" in *[[:space:]]*) die "$v='${!v}' contains blanks; paths must not contain spaces" ;; esac
done

command -v hyperfine >/dev/null || { echo "bench/run.sh: hyperfine not found; install it with: apt-get install -y hyperfine" >&2; exit 2; }
TIME_BIN=/usr/bin/time
if [ ! -x "$TIME_BIN" ] || ! "$TIME_BIN" --version 2>&1 | grep -q GNU; then
    echo "bench/run.sh: GNU time (/usr/bin/time) not found; install it with: apt-get install -y time" >&2; exit 2
fi
for t in git python3 timeout; do
    command -v "$t" >/dev/null || die "missing '$t'"
done
[ -d "$SHARED_BENCH" ] || die "shared bench folder not found: $SHARED_BENCH (it holds gen_corpus.py and peer_difflib.py; set SHARED_BENCH=/path/to/shared/bench)"
for f in gen_corpus.py peer_difflib.py; do
    [ -f "$SHARED_BENCH/$f" ] || die "shared bench folder $SHARED_BENCH has no $f (set SHARED_BENCH=...)"
done
SHARED_BENCH="$(cd "$SHARED_BENCH" && pwd)"

# The real interpreter, not a shim: pyenv's bash shim alone costs ~70 ms a start.
if [ -z "${PYTHON:-}" ]; then
    PYTHON="$(python3 -c 'import sys; print(sys.executable)')" || die "python3 does not run"
fi
[ -x "$PYTHON" ] || PYTHON="$(command -v "$PYTHON")" || die "PYTHON=$PYTHON not found"

# ---- factdiff ---------------------------------------------------------------
RUN_FACTDIFF=1
if [ "$FORMAT" = html ]; then
    RUN_FACTDIFF=0
    note "FORMAT=html: factdiff does not read .html yet (it would read the page as plain text); skipping factdiff, so no ratios"
elif [ -z "$FACTDIFF" ]; then
    command -v cargo >/dev/null || die "cargo not found; build factdiff elsewhere and set FACTDIFF=path/to/factdiff"
    note "building: cargo build --release (in $REPO)"
    (cd "$REPO" && cargo build --release >&2) || die "cargo build --release failed"
    FACTDIFF="$REPO/target/release/factdiff"
fi
if [ "$RUN_FACTDIFF" = 1 ]; then
    [ -f "$FACTDIFF" ] && [ -x "$FACTDIFF" ] || die "FACTDIFF=$FACTDIFF is not an executable file"
    FACTDIFF="$(cd "$(dirname "$FACTDIFF")" && pwd)/$(basename "$FACTDIFF")"
fi

# ---- corpus -------------------------------------------------------------------
if [ ! -f "$CORPUS/corpus.json" ]; then
    note "no corpus in $CORPUS; generating it: $PYTHON $SHARED_BENCH/gen_corpus.py $CORPUS"
    "$PYTHON" "$SHARED_BENCH/gen_corpus.py" "$CORPUS" >&2 || die "corpus generation failed"
fi
for s in $SIZES; do
    if [ "$s" = batch ]; then
        list="$CORPUS/batch/pairs-$FORMAT.tsv"
        [ -s "$list" ] || die "no $list (regenerate the corpus: rm -r $CORPUS and rerun)"
        first_a="$(head -1 "$list" | cut -f1)"
        [ -f "$first_a" ] || die "$list names $first_a, which does not exist (corpus moved? regenerate it)"
    else
        for f in "$CORPUS/pairs/$s/a.$FORMAT" "$CORPUS/pairs/$s/b.$FORMAT"; do
            [ -f "$f" ] || die "missing $f (regenerate the corpus)"
        done
    fi
done

mkdir -p "$OUT/cmd" "$OUT/check"
set +f   # results of an earlier run must not mix with this one
rm -f "$OUT"/hf-*.json "$OUT"/mem-*.tsv "$OUT"/check-*.tsv "$OUT"/batch-slowest.tsv "$OUT"/report.md
set -f

# ---- machine line ---------------------------------------------------------------
{
    echo "date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "cores=$(nproc)"
    echo "load_avg=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "factdiff=$([ "$RUN_FACTDIFF" = 1 ] && "$FACTDIFF" --version 2>/dev/null | head -1 || echo skipped)"
    echo "factdiff_commit=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO" diff --quiet HEAD -- src Cargo.toml Cargo.lock 2>/dev/null || echo ' (modified)')"
    echo "git=$(git --version | awk '{print $3}')"
    echo "python=$("$PYTHON" -c 'import platform; print(platform.python_version())') ($PYTHON -S)"
    echo "hyperfine=$(hyperfine --version | awk '{print $2}')"
    echo "format=$FORMAT"
} > "$OUT/machine.txt"

# ---- commands ---------------------------------------------------------------------
TOOLS="factdiff git difflib"
[ "$RUN_FACTDIFF" = 1 ] || TOOLS="git difflib"

pair_cmd() {   # TOOL A B -> one command line (run without a shell)
    case "$1" in
        factdiff) echo "$FACTDIFF diff $2 $3 --format json" ;;
        git)      echo "git --no-pager diff --no-index --no-color --word-diff=porcelain $2 $3" ;;
        difflib)  echo "$PYTHON -S $SHARED_BENCH/peer_difflib.py $2 $3" ;;
    esac
}

batch_cmd() {  # TOOL LIST -> command line covering every pair of LIST
    local tool=$1 list=$2 script="$OUT/cmd/batch-$1.sh"
    if [ "$tool" = difflib ]; then
        echo "$PYTHON -S $SHARED_BENCH/peer_difflib.py --list $list"; return
    fi
    # factdiff has a multi-pair mode too: one process over the whole list, as difflib.
    if [ "$tool" = factdiff ] && [ "${FACTDIFF_PER_PAIR:-0}" != 1 ]; then
        echo "$FACTDIFF batch $list"; return
    fi
    printf '%s\n' \
        "# generated by bench/run.sh: $tool, one process per pair; exit statuses ignored" \
        "while IFS=\$'\\t' read -r a b; do" \
        "    $(pair_cmd "$tool" '"$a"' '"$b"')" \
        "done < '$list'" \
        "exit 0" > "$script"
    echo "bash $script"
}

median() { sort -n | awk '{v[NR]=$1} END {if (NR==0) print ""; else if (NR%2) print v[(NR+1)/2]; else print int((v[NR/2]+v[NR/2+1])/2)}'; }

FAILED=0
flag() {       # SIZE TOOL MESSAGE: a check failure, kept for the report
    printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$OUT/problems.tsv"
    note "PROBLEM ($1, $2): $3"
    FAILED=1
}
: > "$OUT/problems.tsv"

# check_pair SIZE TOOL CMD: run once, keep the output; return 1 if it failed
check_pair() {
    local size=$1 tool=$2 cmd=$3 rc=0 out="$OUT/check/$1-$2.out"
    # shellcheck disable=SC2086  # deliberate splitting, globbing is off
    timeout "$CHECK_TIMEOUT" $cmd > "$out" 2> "$out.err" || rc=$?
    if [ "$rc" = 124 ]; then
        flag "$size" "$tool" "timed out after ${CHECK_TIMEOUT}s: $cmd"; return 1
    elif [ "$rc" -gt 1 ]; then
        flag "$size" "$tool" "exit status $rc: $cmd :: $(head -c 300 "$out.err" | tr '\n' ' ')"; return 1
    fi
    if [ "$tool" = factdiff ] && ! "$PYTHON" -S -c 'import json,sys; json.load(open(sys.argv[1]))' "$out" 2>/dev/null; then
        flag "$size" "$tool" "output is not valid JSON: $cmd"; return 1
    fi
    return 0
}

# check_batch TOOL LIST: every pair once; exit statuses, per-pair wall time (factdiff)
check_batch() {
    local tool=$1 list=$2 dir="$OUT/check/batch-$1" a b rc t0 t1 n=0 bad=0
    rm -rf "$dir"; mkdir -p "$dir"
    : > "$OUT/check-batch-$tool.tsv"
    if [ "$tool" = difflib ]; then
        rc=0
        # shellcheck disable=SC2046
        timeout "$CHECK_TIMEOUT" $(batch_cmd difflib "$list") > "$dir/all.out" 2> "$dir/all.err" || rc=$?
        [ "$rc" = 0 ] || flag batch difflib "exit status $rc over $list :: $(head -c 300 "$dir/all.err" | tr '\n' ' ')"
        return 0
    fi
    while IFS=$'\t' read -r a b; do
        n=$((n + 1)); rc=0
        t0=$EPOCHREALTIME
        # shellcheck disable=SC2046
        timeout "$CHECK_TIMEOUT" $(pair_cmd "$tool" "$a" "$b") > "$dir/$n.out" 2> "$dir/$n.err" || rc=$?
        t1=$EPOCHREALTIME
        printf '%s\t%s\t%s\t%s\n' "$rc" "$(( ${t1/./} - ${t0/./} ))" "$a" "$b" >> "$OUT/check-batch-$tool.tsv"
        if [ "$rc" -gt 1 ]; then
            bad=$((bad + 1))
            [ "$bad" -le 5 ] && flag batch "$tool" "exit status $rc on $a $b :: $(head -c 200 "$dir/$n.err" | tr '\n' ' ')"
        fi
    done < "$list"
    [ "$bad" -le 5 ] || flag batch "$tool" "$bad of $n pairs failed in total (first 5 listed)"
    if [ "$tool" = factdiff ]; then
        "$PYTHON" -S - "$dir" "$OUT/check-batch-$tool.tsv" > "$OUT/check/batch-factdiff-json.txt" <<'PY' || true
import json, os, sys
d, tsv = sys.argv[1], sys.argv[2]
rows = [l.rstrip("\n").split("\t") for l in open(tsv)]
for i, (rc, us, a, b) in enumerate(rows, 1):
    if int(rc) > 1:
        continue
    try:
        json.load(open(os.path.join(d, f"{i}.out")))
    except Exception as e:
        print(f"{a}\t{b}\t{e}")
PY
        while IFS=$'\t' read -r a b msg; do
            flag batch factdiff "invalid JSON output on $a $b: $msg"
        done < "$OUT/check/batch-factdiff-json.txt"
    fi
    rm -rf "$dir"   # up to 1,000 outputs; the pair checks keep theirs
}

# ---- run ------------------------------------------------------------------------
for size in $SIZES; do
    runs_var="RUNS_$size"; runs="${!runs_var}"
    mem_runs="$MEM_RUNS"; [ "$size" = batch ] && mem_runs="$MEM_RUNS_batch"
    if [ "$size" = batch ]; then
        list="$CORPUS/batch/pairs-$FORMAT.tsv"
    else
        a="$CORPUS/pairs/$size/a.$FORMAT"; b="$CORPUS/pairs/$size/b.$FORMAT"
    fi
    hf_args=()
    : > "$OUT/mem-$size.tsv"
    : > "$OUT/cmd/$size.tsv"
    for tool in $TOOLS; do
        if [ "$size" = batch ]; then
            note "checking $tool over every batch pair once (exit status, output, slowest pairs)"
            check_batch "$tool" "$list"
            cmd=$(batch_cmd "$tool" "$list")
        else
            cmd=$(pair_cmd "$tool" "$a" "$b")
            if ! check_pair "$size" "$tool" "$cmd"; then
                note "not timing $tool on $size (its check run failed)"
                continue
            fi
        fi
        printf '%s\t%s\n' "$tool" "$cmd" >> "$OUT/cmd/$size.tsv"
        hf_args+=(-n "$tool" "$cmd")
        kbs=()
        for _ in $(seq "$mem_runs"); do
            # shellcheck disable=SC2086  # deliberate splitting, globbing is off
            "$TIME_BIN" -f '%M' -o "$OUT/.mem" $cmd >/dev/null 2>&1 || true
            kbs+=("$(tail -1 "$OUT/.mem")")
        done
        printf '%s\t%s\n' "$tool" "$(printf '%s\n' "${kbs[@]}" | median)" >> "$OUT/mem-$size.tsv"
    done
    rm -f "$OUT/.mem"
    [ "${#hf_args[@]}" -gt 0 ] || { note "nothing to time on $size"; continue; }
    note "== $size ($FORMAT): $(( ${#hf_args[@]} / 3 )) commands, warmup $WARMUP, $runs runs"
    hyperfine -N -i --style basic --warmup "$WARMUP" --runs "$runs" \
        --export-json "$OUT/hf-$size.json" "${hf_args[@]}" >&2
done

# ---- factdiff start-up floor: one sentence each side, to read the scaling line ----
if [ "$RUN_FACTDIFF" = 1 ]; then
    printf 'The bridge reopened on Friday.\n' > "$OUT/check/floor-a.$FORMAT"
    printf 'The bridge reopened on Monday.\n' > "$OUT/check/floor-b.$FORMAT"
    cmd=$(pair_cmd factdiff "$OUT/check/floor-a.$FORMAT" "$OUT/check/floor-b.$FORMAT")
    if check_pair floor factdiff "$cmd"; then
        note "== factdiff start-up floor (one-sentence files), $RUNS_small runs"
        printf '%s\t%s\n' factdiff "$cmd" > "$OUT/cmd/floor.tsv"
        hyperfine -N -i --style basic --warmup "$WARMUP" --runs "$RUNS_small" \
            --export-json "$OUT/hf-floor.json" -n factdiff "$cmd" >&2
    fi
fi

# ---- report -----------------------------------------------------------------------
"$PYTHON" -S - "$OUT" "$CORPUS" "$SIZES" "$FORMAT" > "$OUT/report.md" <<'PY'
import json, os, sys
out, corpus, sizes, fmt = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4]
man = json.load(open(os.path.join(corpus, "corpus.json")))
machine = dict(l.rstrip("\n").split("=", 1) for l in open(os.path.join(out, "machine.txt")) if "=" in l)

def words(size):
    if size == "batch":
        return man["batch"]["words"]
    p = man["pairs"][size]
    return p["words_a"] + p["words_b"]

def t(s):
    if s is None:
        return "n/a"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 0.001:
        return f"{s * 1e3:.1f} ms"
    return f"{s * 1e6:.0f} µs"

res, mem = {}, {}
for size in sizes:
    path = os.path.join(out, f"hf-{size}.json")
    if os.path.exists(path):
        names = [l.split("\t")[0] for l in open(os.path.join(out, "cmd", f"{size}.tsv"))]
        for name, r in zip(names, json.load(open(path))["results"]):
            res[size, name] = r
    mp = os.path.join(out, f"mem-{size}.tsv")
    if os.path.exists(mp):
        for l in open(mp):
            name, kb = l.rstrip("\n").split("\t")
            if kb:
                mem[size, name] = int(kb)

problems = [l.rstrip("\n").split("\t", 2) for l in open(os.path.join(out, "problems.tsv"))]
failed = {(p[0], p[1]) for p in problems}
tools = ["factdiff", "git", "difflib"]
label = {
    "factdiff": "factdiff diff A B --format json",
    "git": "git diff --no-index --word-diff=porcelain",
    "difflib": "difflib (peer_difflib.py)",
}
pairs_n = man["batch"]["pairs"]

print(f"## factdiff benchmark: format `{fmt}`, corpus `{corpus}` "
      f"(seed {man['seed']}, generator {man['version']})\n")
print(f"{machine.get('date_utc')} · {machine.get('cpu')} · {machine.get('cores')} cores · "
      f"load {machine.get('load_avg')} at start · factdiff {machine.get('factdiff')} "
      f"@ {machine.get('factdiff_commit')} · git {machine.get('git')} · "
      f"Python {machine.get('python')} · hyperfine {machine.get('hyperfine')}\n")
print("| case | words (A+B) | tool | median | min - max | runs | peak RSS |")
print("|---|---:|---|---:|---:|---:|---:|")
for size in sizes:
    case = f"batch ({pairs_n:,} pairs)" if size == "batch" else size
    for tool in tools:
        r = res.get((size, tool))
        name = label[tool]
        if size == "batch":
            if tool == "difflib":
                name = "difflib (peer_difflib.py --list, 1 process)"
            elif tool == "factdiff" and os.environ.get("FACTDIFF_PER_PAIR", "0") != "1":
                name = "factdiff batch PAIRS (1 process)"
            else:
                name = name + " (1 process/pair)"
        if r is None:
            if fmt == "html" and tool == "factdiff":
                why = "skipped: no .html reader yet"
            elif (size, tool) in failed:
                why = "FAILED, see problems"
            else:
                continue
            print(f"| {case} | {words(size):,} | {name} | {why} | | | |")
            continue
        kb = mem.get((size, tool))
        rss = f"{kb / 1024:.1f} MiB" if kb else "n/a"
        warn = " ⚠" if (size, tool) in failed else ""
        print(f"| {case} | {words(size):,} | {name}{warn} | {t(r['median'])} | "
              f"{t(r['min'])} - {t(r['max'])} | {len(r['times'])} | {rss} |")

def med(size, tool):
    r = res.get((size, tool))
    return r["median"] if r else None

def ratio(x, y):
    return f"{x / y:.2f}" if x and y else "n/a"

print("\n### Ratios (median over median, same run)\n")
print("| case | factdiff / git | difflib / factdiff |")
print("|---|---:|---:|")
for size in sizes:
    f, g, d = med(size, "factdiff"), med(size, "git"), med(size, "difflib")
    case = f"batch ({pairs_n:,} pairs)" if size == "batch" else size
    print(f"| {case} | {ratio(f, g)} | {ratio(d, f)} |")
print("\nfactdiff / git above 1: factdiff is slower than git. "
      "difflib / factdiff above 1: factdiff is faster than difflib.\n")

kb = mem.get(("large", "factdiff"))
print(f"- factdiff peak RSS, large pair ({words('large'):,} words): "
      + (f"**{kb / 1024:.1f} MiB**" if kb else "n/a"))
fl, fm = med("large", "factdiff"), med("medium", "factdiff")
floor = None
fp = os.path.join(out, "hf-floor.json")
if os.path.exists(fp):
    floor = json.load(open(fp))["results"][0]["median"]
if fl and fm:
    pl, pm = fl / words("large"), fm / words("medium")
    print(f"- scaling: factdiff {pl * 1e6:.2f} µs/word on large ({words('large'):,} words) vs "
          f"{pm * 1e6:.2f} µs/word on medium ({words('medium'):,} words): large/medium = "
          f"**{pl / pm:.2f}** (1.00 = linear; {words('large') / words('medium'):.1f}x the words "
          f"took {fl / fm:.1f}x the time)")
    if floor and fm > floor and fl > floor:
        nl, nm = (fl - floor) / words("large"), (fm - floor) / words("medium")
        print(f"- scaling net of start-up (factdiff on two one-sentence files: {t(floor)}): "
              f"{nl * 1e6:.2f} µs/word on large vs {nm * 1e6:.2f} µs/word on medium: "
              f"large/medium = **{nl / nm:.2f}**")
else:
    print("- scaling: n/a (needs factdiff on medium and large)")
slow_tsv = os.path.join(out, "check-batch-factdiff.tsv")
if os.path.exists(slow_tsv):
    rows = [l.rstrip("\n").split("\t") for l in open(slow_tsv)]
    us = sorted(int(r[1]) for r in rows)
    if us:
        m = us[len(us) // 2]
        top = sorted(rows, key=lambda r: -int(r[1]))[:3]
        print(f"- batch check run (each pair once, untimed by hyperfine): factdiff median "
              f"{m / 1e3:.1f} ms/pair, slowest " + ", ".join(
                  f"{int(r[1]) / 1e3:.1f} ms ({os.path.dirname(r[2])})" for r in top)
              + (" — **outlier: > 5x median**" if int(top[0][1]) > 5 * m else ""))
        with open(os.path.join(out, "batch-slowest.tsv"), "w") as fh:
            for r in sorted(rows, key=lambda r: -int(r[1]))[:20]:
                fh.write("\t".join(r) + "\n")
if problems:
    print("\n### Problems\n")
    for size, tool, msg in problems:
        print(f"- {size}, {tool}: {msg}")
print(f"\nRaw results: {out}/ (hf-*.json hyperfine exports, mem-*.tsv peak RSS in KiB, "
      f"cmd/ exact commands, check/ outputs of one run per tool, machine.txt)")
PY
cat "$OUT/report.md"
exit "$FAILED"
