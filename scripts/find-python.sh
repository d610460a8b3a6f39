#!/usr/bin/env bash
# Print the path of a Python >= 3.12 to build the virtualenv with, preferring the
# version in .python-version (through pyenv when it has it). Fails with a clear message.
set -euo pipefail
want=$(cat "$(dirname "$0")/../.python-version" 2>/dev/null || echo 3.13)
candidates=()
if command -v pyenv >/dev/null 2>&1; then
  prefix=$(pyenv prefix "$want" 2>/dev/null || true)
  [ -z "$prefix" ] && prefix=$(pyenv prefix "$(pyenv versions --bare 2>/dev/null | grep -E "^${want//./\\.}(\.|$)" | tail -1)" 2>/dev/null || true)
  [ -n "$prefix" ] && candidates+=("$prefix/bin/python")
fi
for root in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$want"*; do
  [ -x "$root/bin/python" ] && candidates+=("$root/bin/python")
done
candidates+=(python"$want" python3.13 python3.12 python3)
for py in "${candidates[@]}"; do
  path=$(command -v "$py" 2>/dev/null || true)
  [ -n "$path" ] || continue
  if "$path" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
    echo "$path"
    exit 0
  fi
done
echo "Parallax needs Python $want (3.12 or newer). Install it (e.g. 'pyenv install $want') and run make again." >&2
exit 1
