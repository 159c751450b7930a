#!/usr/bin/env bash
# Records new public API in each src project's PublicAPI.Unshipped.txt (PublicApiAnalyzers RS0016),
# and drops removed entries (RS0017). Review the diff: it is the API change you are about to make.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
dotnet build CryptoIntel.sln -p:TreatWarningsAsErrors=false -p:WarningLevel=4 "$@" >"$log" 2>&1 || true
python3 - "$log" <<'PY'
import re, sys, os, collections
adds = collections.defaultdict(set); removes = collections.defaultdict(set)
for line in open(sys.argv[1], encoding='utf-8', errors='replace'):
    m = re.search(r"^(.*?)\(\d+,\d+\): (?:error|warning) RS0016: Symbol '(.*)' is not part of the declared public API", line)
    m2 = re.search(r"\[(.*?\.csproj)\]", line)
    if m and m2:
        adds[os.path.dirname(m2.group(1))].add(m.group(2)); continue
    m = re.search(r"(?:error|warning) RS0017: Symbol '(.*)' is part of the declared API, but is either not public or could not be found", line)
    if m and m2:
        removes[os.path.dirname(m2.group(1))].add(m.group(1))
for d in set(adds) | set(removes):
    path = os.path.join(d, 'PublicAPI.Unshipped.txt')
    lines = [l.rstrip('\n') for l in open(path, encoding='utf-8')] if os.path.exists(path) else ['#nullable enable']
    body = [l for l in lines[1:] if l and l not in removes[d]] + sorted(adds[d] - set(lines))
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join([lines[0]] + sorted(set(body), key=str.lower)) + '\n')
    print(f"{path}: +{len(adds[d])} -{len(removes[d])}")
PY
rm -f "$log"
