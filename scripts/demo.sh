#!/usr/bin/env bash
# The svcplan demo: the example templates repository, one realistic change, and the real CLI.
# Runs offline, with local state in a temporary folder; nothing outside that folder is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bold=''; dim=''; reset=''
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then bold=$'\e[1m'; dim=$'\e[2m'; reset=$'\e[0m'; fi
step() { printf '\n%s== %s%s\n' "$bold" "$*" "$reset"; }
show() { printf '%s$ %s%s\n' "$dim" "$*" "$reset"; }

# dist/ is committed; rebuild only when a source file is newer, like make would.
if [ ! -f dist/cli.js ] || [ -n "$(find src package.json -newer dist/cli.js -type f -print -quit)" ]; then
  step "building dist/ (sources changed since the last build)"
  npm run --silent build
fi
svcplan() { node "$root/dist/cli.js" "$@"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/svcplan-demo-XXXXXX")
cp -R templates/. "$work/"
cd "$work"
export GIT_AUTHOR_NAME=demo GIT_AUTHOR_EMAIL=demo@svcplan.invalid
export GIT_COMMITTER_NAME=demo GIT_COMMITTER_EMAIL=demo@svcplan.invalid
git init --quiet -b main
git add --all
git commit --quiet -m "Shop and job templates, three services"
step "templates repository in $work (copied from templates/, committed on main)"
find svcplan.yaml templates services apps -type f | sort | sed 's/^/  /'

# One edit that must land, or the demo would show a plan for a change that never happened.
edit() {
  local file=$1 from=$2 to=$3
  grep -qF -- "$from" "$file" || { echo "demo: '$from' not found in $file" >&2; exit 1; }
  sed -i.bak "s|$(printf '%s' "$from" | sed 's/[][\.*^$|]/\\&/g')|$to|" "$file" && rm -f "$file.bak"
}
step "the change, in the working tree: an app version, memory, an OS image, a bigger staging"
edit templates/web-shop.yaml 'shop: { version: "4.2.0"' 'shop: { version: "4.3.0"'
edit templates/web-shop.yaml 'memory: 4096' 'memory: 8192'
edit templates/job-worker.yaml 'version: "12.20240905.1"' 'version: "12.20241201.1"'
edit services/shop-staging.yaml 'count: 2' 'count: 3'
show git diff --stat; git --no-pager diff --stat
show git diff; git --no-pager diff --color=never | sed 's/^/  /'

step "svcplan validate"
show svcplan validate
svcplan validate

step "svcplan plan: the working tree against what is recorded (nothing yet: a first plan creates every VM, as the apply would)"
show svcplan plan
svcplan plan

step "svcplan plan --base HEAD: a what-if, as if the last commit were deployed, so the change is classified"
show svcplan plan --base HEAD
svcplan plan --base HEAD

step "the same what-if for a pull request comment (markdown) and for machines (json)"
show svcplan plan --base HEAD --format markdown --out plan.md
svcplan plan --base HEAD --format markdown --out "$work/plan.md"
show svcplan plan --base HEAD --format json --out plan.json
svcplan plan --base HEAD --format json --out "$work/plan.json"
show "head -n 40 plan.md"; head -n 40 "$work/plan.md" | sed 's/^/  /'
show "node -e 'summary of plan.json'"
node -e 'const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log("  plan_digest", p.plan_digest); console.log("  summary    ", JSON.stringify(p.summary))' "$work/plan.json"

step "svcplan apply --dry-run: the steps the first apply would take, one upgrade domain at a time"
show svcplan apply --dry-run
svcplan apply --dry-run

step "done"
echo "The repository is still in $work: edit it and run node $root/dist/cli.js plan --repo $work"
echo "svcplan status, plan --base REF, plan --head REF: see README.md"
