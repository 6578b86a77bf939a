#!/usr/bin/env bash
# Scale-out checked on a real engine: a one-node Slurm cluster built from Debian's packages runs
# examples/distributed/slurm-array.sh as a 3-task job array, then `lector merge` as a job that
# depends on it (--dependency=afterok); the merged documents.jsonl and entities.csv must equal a
# single-process run over the same absolute input path.
#
#   scripts/slurm-check.sh [LECTOR]      (as root, on Debian; LECTOR defaults to .build/debug/lector)
#
# Installs slurmctld, slurmd, slurm-client and munge (apt-get update first), writes every config,
# key, log, socket and spool file under one temporary directory, and stops the daemons it started
# (by their process ids) and removes that directory on exit, whatever happens. Every wait is bounded
# (SLURM_CHECK_TIMEOUT seconds per wait, default 300). Exit status: 0 equal, 1 different or failed.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
lector=$(cd "$(dirname "${1:-$repo/.build/debug/lector}")" && pwd)/$(basename "${1:-lector}")
timeout=${SLURM_CHECK_TIMEOUT:-300}
started=$(date +%s)

say() { printf '[slurm-check %3ds] %s\n' $(($(date +%s) - started)) "$*"; }
fail() {
    say "FAIL: $*"
    exit 1
}

[ "$(id -u)" -eq 0 ] || fail "run as root (it installs packages and starts daemons)"
[ -x "$lector" ] || fail "no lector executable at $lector (swift build first, or pass its path)"

say "installing slurmctld slurmd slurm-client munge"
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt (a fresh machine may be updating itself) instead of failing on its lock.
apt_lock=(-o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
apt-get "${apt_lock[@]}" update -qq >/dev/null
apt-get "${apt_lock[@]}" install -y -qq slurmctld slurmd slurm-client munge >/dev/null

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lector-slurm.XXXXXX")
chmod 700 "$tmp"
pids=()
cleanup() {
    local status=$?
    if [ -n "${SLURM_CONF:-}" ] && [ -n "${jobs_submitted:-}" ]; then
        scancel $jobs_submitted 2>/dev/null || true
    fi
    # Stop only what this script started, by process id, newest first.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill "${pids[i]}" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    if [ "$status" -ne 0 ]; then
        for log in slurmctld.log slurmd.log munged.log; do
            [ -f "$tmp/$log" ] && { echo "--- last lines of $log"; tail -n 15 "$tmp/$log"; }
        done
    fi
    rm -rf "$tmp"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# Waits until "$@" succeeds, at most $timeout seconds.
wait_for() {
    local what=$1
    shift
    local deadline=$(($(date +%s) + timeout))
    until "$@" >/dev/null 2>&1; do
        [ "$(date +%s)" -lt "$deadline" ] || fail "timed out after ${timeout}s waiting for $what"
        sleep 0.5
    done
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

say "starting munged"
dd if=/dev/urandom of="$tmp/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge.key"
munged --force --socket="$tmp/munge.socket" --key-file="$tmp/munge.key" --pid-file="$tmp/munged.pid" \
    --log-file="$tmp/munged.log" --seed-file="$tmp/munged.seed"
wait_for "munged's pid file" test -s "$tmp/munged.pid"
pids+=("$(cat "$tmp/munged.pid")")
wait_for "munge to answer" bash -c "munge -n --socket='$tmp/munge.socket' | unmunge --socket='$tmp/munge.socket'"

node=$(hostname -s)
memory=$(awk '/MemTotal/ { print int($2 / 1024) - 512 }' /proc/meminfo)
cpus=$(nproc)
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/work"
cat >"$tmp/slurm.conf" <<CONF
ClusterName=lector-check
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge.socket
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=check Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$tmp/slurm.conf"

say "starting slurmctld and slurmd (node $node, $cpus CPUs)"
slurmctld -f "$SLURM_CONF"
wait_for "slurmctld's pid file" test -s "$tmp/slurmctld.pid"
pids+=("$(cat "$tmp/slurmctld.pid")")
slurmd -f "$SLURM_CONF" -N "$node"
wait_for "slurmd's pid file" test -s "$tmp/slurmd.pid"
pids+=("$(cat "$tmp/slurmd.pid")")
wait_for "the node to be idle" bash -c "sinfo -h -N -o '%T' | grep -qx idle"

corpus="$repo/examples/news"
work="$tmp/work"
path="$(dirname "$lector"):$PATH"
say "submitting the 3-task array over $corpus"
array=$(sbatch --parsable --array=0-2 --chdir="$repo" --export="ALL,PATH=$path" --output="$work/array-%a.out" \
    "$repo/examples/distributed/slurm-array.sh" "$corpus" "$work")
jobs_submitted=$array
# --kill-on-invalid-dep: if a shard fails, the merge is cancelled rather than left pending forever.
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --chdir="$repo" --export="ALL,PATH=$path" \
    --output="$work/merge.out" --wrap "lector merge $work/shards/shard-* --report $work/report")
jobs_submitted="$array $merge"
say "array job $array, merge job $merge (afterok)"
wait_for "jobs $array and $merge to finish" bash -c "[ -z \"\$(squeue -h -j $array,$merge 2>/dev/null)\" ]"

for out in "$work"/array-*.out "$work/merge.out"; do
    [ -f "$out" ] && { echo "--- $(basename "$out")"; tail -n 3 "$out"; }
done
[ -f "$work/report/documents.jsonl" ] || fail "the merge job wrote no report (see above)"

say "single-process run over the same absolute path"
status=0
"$lector" run "$repo/pipelines/news.yaml" "$corpus" --report "$work/single" --quiet --no-cache || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || fail "single-process run exited $status"
for file in documents.jsonl entities.csv; do
    if cmp -s "$work/report/$file" "$work/single/$file"; then
        say "$file: identical ($(wc -l <"$work/single/$file") lines)"
    else
        diff <(head -c 2000 "$work/report/$file") <(head -c 2000 "$work/single/$file") | head -n 10 || true
        fail "$file differs between the Slurm merge and the single-process run"
    fi
done
say "PASS: Slurm array of 3 shards + dependent merge equals one process"
