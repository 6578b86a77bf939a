#!/usr/bin/env bash
# Slurm job array: one task per shard; `--shard env/N` reads SLURM_ARRAY_TASK_ID.
# Submit:   sbatch --array=0-7 examples/distributed/slurm-array.sh /shared/corpus /shared/lector
# Then:     sbatch --dependency=afterok:<array job id> --wrap \
#             "lector merge /shared/lector/shards/shard-* --pipeline pipelines/news.yaml --report /shared/lector/report"
#SBATCH --job-name=lector
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=02:00:00
set -euo pipefail
corpus=${1:?corpus folder}
work=${2:?shared output folder}
shards=${SLURM_ARRAY_TASK_COUNT:?run as a job array (sbatch --array=0-N)}
mkdir -p "$work/shards" "$work/cache"
status=0
lector run pipelines/news.yaml "$corpus" \
    --shard "env/$shards" \
    --report "$work/shards/shard-$SLURM_ARRAY_TASK_ID" \
    --cache "$work/cache/shard-$SLURM_ARRAY_TASK_ID" --resume \
    --jobs "${SLURM_CPUS_PER_TASK:-2}" --progress plain || status=$?
# 3 means "finished, some documents failed": the shard result is complete.
[ "$status" -eq 0 ] || [ "$status" -eq 3 ]
