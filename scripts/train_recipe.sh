#!/usr/bin/env bash
# The whole recipe of the committed model, from nothing to model_store/v5, in one command:
#   bash scripts/train_recipe.sh        (inside the installed environment; see docs/model.md)
# Each training stage resumes its run directory after an interruption; the corpus and the
# tokenizer are deterministic (same seeds, same files). The stages warm-start one another.
set -euo pipefail
cd "$(dirname "$0")/.."

for split in validation test heldout; do
    manifest-parser data generate --split "$split" --n 1000 --seed 1 --out "corpus/$split"
done
manifest-parser data generate --split train --n 30000 --seed 1 --out corpus/train
manifest-parser tokenizer train --data corpus/train --vocab-size 4000 --sample 3000 --out corpus/tokenizer.model

# v1: stopped at step 900 of its 1,600-step schedule to fit the time, then annealed over 60 steps
manifest-parser train --config configs/default.toml --stop-at-step 900
manifest-parser train --config configs/default.toml --max-steps 960
manifest-parser train --config configs/v2.toml
manifest-parser train --config configs/v3.toml
manifest-parser data generate --split train --n 30000 --seed 2 --out corpus/train-2
manifest-parser train --config configs/v4.toml
manifest-parser data generate --split train --n 30000 --seed 3 --out corpus/train-3
manifest-parser train --config configs/v5.toml

manifest-parser eval --standard corpus --write-card   # every document of each set: about 11 minutes
