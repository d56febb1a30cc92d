#!/usr/bin/env bash
# Extract every message id from the code and merge it into the th and en catalogs.
# Run after adding or changing user-visible strings, then translate the new Thai entries.
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL="${PYBABEL:-pybabel}"
"$PYBABEL" -q extract -F babel.cfg -k _ -k N_ --no-location --sort-output \
  --project nongbon-ita --copyright-holder "nongbon-ita developers" \
  -o translations/messages.pot . >/dev/null
for lang in th en; do
  po="translations/$lang/LC_MESSAGES/messages.po"
  if [ -f "$po" ]; then
    "$PYBABEL" -q update -i translations/messages.pot -d translations -l "$lang" --no-fuzzy-matching --ignore-obsolete >/dev/null
  else
    "$PYBABEL" -q init -i translations/messages.pot -d translations -l "$lang" >/dev/null
  fi
done
echo "catalogs updated: $(grep -c '^msgid' translations/messages.pot) ids"
