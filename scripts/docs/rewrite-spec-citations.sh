#!/usr/bin/env bash
# Points spec citations in the code at the project's own pages under docs/ (issue 11).
#
#   ../shared/specs/<name>.md, /work/shared/specs/<name>.md, shared/specs/<name>.md, specs/<name>.md
#   bare <name>.md §N   and   `<name>.md` §N
#     → docs/<name>.md (§ numbers are unchanged: the docs pages keep the spec's section numbers)
#
# for <name> in ecomail-api, goout, ellity, n8n-platform, zapier-platform, in every tracked
# *.ts, *.mjs, *.js, *.sh and *.md file outside docs/. Idempotent: a path that already reads
# docs/<name>.md is never matched again. Afterwards it prints what it did not handle, for a human:
# citations of other specs, "spec §N" without a page name, other *.md § citations, citations in
# other file types, and files whose bare "§N" references name no page at all.
#
# Usage: scripts/docs/rewrite-spec-citations.sh [--dry-run]
set -euo pipefail

dry_run=false
case "${1:-}" in
  --dry-run) dry_run=true ;;
  '') ;;
  *) echo "usage: $0 [--dry-run]" >&2; exit 2 ;;
esac

root="$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)"
cd "$root"
self="scripts/docs/rewrite-spec-citations.sh"

names='ecomail-api|goout|ellity|n8n-platform|zapier-platform'
for name in ecomail-api goout ellity n8n-platform zapier-platform; do
  [[ -f "docs/$name.md" ]] || echo "warning: docs/$name.md does not exist (yet); citations will point at it anyway" >&2
done

# One perl program for both the count and the rewrite. Order matters: paths through specs/ first,
# then the two bare forms; the look-behind keeps docs/<name>.md (and longer names) untouched.
read -r -d '' program <<PERL || true
s{(?:[\\w.~/-]*/)?specs/($names)\\.md}{docs/\$1.md}g;
s{(?<![\\w./-])\`($names)\\.md\`}{\`docs/\$1.md\`}g;
s{(?<![\\w./\`-])($names)\\.md(?=\\s*§)}{docs/\$1.md}g;
PERL

mapfile -t files < <(git ls-files -- '*.ts' '*.mjs' '*.js' '*.sh' '*.md' ':!:docs/**' ":!:$self")

changed=0
total=0
for file in "${files[@]}"; do
  [[ -f "$file" ]] || continue
  # Lines this file would change (compare before/after line by line).
  count="$(perl -ne "my \$o=\$_; $program print if \$_ ne \$o" "$file" | wc -l)"
  (( count > 0 )) || continue
  changed=$((changed + 1))
  total=$((total + count))
  printf '%-70s %3d line(s)\n' "$file" "$count"
  if ! $dry_run; then
    perl -pi -e "$program" "$file"
  fi
done
if $dry_run; then verb="would change"; else verb="changed"; fi
echo "== $verb $total line(s) in $changed file(s)"

# ---------------------------------------------------------------------------------------------
# What this script does not handle (printed, never edited). In a dry run these lists describe the
# tree as it is now, so the five handled names may still show up under "specs/".
report() {
  local title="$1"; shift
  local out
  out="$("$@" || true)"
  if [[ -n "$out" ]]; then
    echo
    echo "-- not handled: $title"
    echo "$out"
  fi
}

grep_tracked() { # pattern, then pathspecs
  local pattern="$1"; shift
  git grep -nIP -e "$pattern" -- "$@" ':!:docs/**' ":!:$self"
}

report "citations of specs/ that have no page under docs/ (other specs, or not yet rewritten)" \
  grep_tracked 'specs/[\w.-]+\.md' '*.ts' '*.mjs' '*.js' '*.sh' '*.md'

report "'spec §N' without a page name (decide which docs/ page is meant)" \
  grep_tracked '\bspec(?:s|'"'"'s)?\b[^\n]{0,3}§' '*.ts' '*.mjs' '*.js' '*.sh' '*.md'

report "other '<file>.md §' citations (not one of the five pages)" \
  bash -c "git grep -nIP -e '(?<![\w/.-])(?!(?:$names)\.md)[\w.-]+\.md\`?\s*§' -- '*.ts' '*.mjs' '*.js' '*.sh' '*.md' ':!:docs/**' ':!:$self' | grep -vP '(?<![\w.-])docs/($names)\.md'"

report "citations in file types this script does not edit" \
  bash -c "git grep -nIP -e '(specs/|(?<![\w/.-])($names)\.md\s*§)' -- ':!:*.ts' ':!:*.mjs' ':!:*.js' ':!:*.sh' ':!:*.md' ':!:docs/**'"

# Markdown pages cited by name that no file of this repository carries (e.g. PRODUCT.md).
missing_pages() {
  git ls-files | sed -E 's#.*/##' | sort -u > "$tmp_names"
  git grep -nIP -e '(?<![\w/.-])[\w][\w.-]*\.md\b' -- '*.ts' '*.mjs' '*.js' '*.sh' '*.md' ':!:docs/**' ":!:$self" \
    | perl -ne 'BEGIN { open my $f, "<", $ENV{TMP_NAMES} or die; %have = map { chomp; ($_ => 1) } <$f> }
        my ($loc, $text) = /^([^:]+:\d+):(.*)$/ or next;
        my @gone = grep { !$have{$_} } ($text =~ /(?<![\w\/.-])([\w][\w.-]*\.md)\b/g);
        print "$loc: @gone\n" if @gone'
}
tmp_names="$(mktemp)"
trap 'rm -f "$tmp_names"' EXIT
export TMP_NAMES="$tmp_names"
report "*.md pages cited by name that the repository does not contain" missing_pages

# Files with bare "§N" references (no page on the same spot): fine when the file names exactly
# one page elsewhere (usually its header comment); listed when it names none or several.
# A guess from the folder, printed as a hint only.
likely_page() {
  case "$1" in
    test/sandbox/ecomail/*|shared/src/ecomail/*) echo " (likely docs/ecomail-api.md)" ;;
    test/sandbox/goout/*|shared/src/goout/*) echo " (likely docs/goout.md)" ;;
    */ellity/*) echo " (likely docs/ellity.md)" ;;
    test/e2e/n8n/*|n8n-nodes/*) echo " (likely docs/n8n-platform.md)" ;;
    zapier-app/*) echo " (likely docs/zapier-platform.md)" ;;
  esac
}

bare_report() {
  local file pages count
  while IFS= read -r file; do
    # Drop "§" that directly follow a page name: count only bare ones.
    count="$(perl -ne '
      while (/§/g) { my $before = substr($_, 0, pos($_) - length("§"));
        $n++ unless $before =~ /[\w-]+\.md`?\s*(?:§[\w.]+(?:[–,\/]\s*)?)*\s*$/ }
      END { print $n // 0 }' "$file")"
    (( count > 0 )) || continue
    pages="$(grep -oP "(?<![\w.-])docs/($names)\.md|(?<![\w/.-])($names)\.md|specs/($names)\.md" "$file" \
      | sed -E 's#.*/##' | sort -u | paste -sd, -)"
    if [[ -z "$pages" ]]; then
      echo "$file: $count bare § reference(s), no page named in the file$(likely_page "$file")"
    elif [[ "$pages" == *,* ]]; then
      echo "$file: $count bare § reference(s), several pages named ($pages)"
    fi
  done < <(git grep -lI '§' -- '*.ts' '*.mjs' '*.js' '*.sh' '*.md' ':!:docs/**' ":!:$self")
}
report "bare §N references whose page is not clear from the file" bare_report
