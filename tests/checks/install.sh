#!/usr/bin/env bash
# tests/checks/install.sh - `make install DESTDIR=... PREFIX=...` puts the
# binary, the templates, the man page and the bash and zsh completions where
# they belong, and the installed hclc runs. It installs the binary this run
# tests (B is the build folder that holds $HCLC), so nothing is rebuilt.
set -u
cd "$ROOT" || exit 1
HCLC=${HCLC:-$ROOT/hclc}
case $HCLC in
"$ROOT/hclc") B=build ;;
"$ROOT"/*/hclc) B=${HCLC#"$ROOT/"} && B=${B%/hclc} ;;
*) echo "not ok install (hclc is not inside the checkout: $HCLC)" && exit 0 ;;
esac
DEST=$(mktemp -d "${TMPDIR:-/tmp}/hclc-install.XXXXXX") || exit 1
trap 'rm -rf "$DEST"' EXIT
PREFIX=/opt/hclc

# A make run inside `make check` must not join the outer make's jobserver.
out=$(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s install \
    B="$B" DESTDIR="$DEST" PREFIX="$PREFIX" 2>&1)
if [ $? -ne 0 ]; then
    echo "not ok make-install"
    printf '%s\n' "$out" | sed 's/^/    /'
    exit 0
fi
echo "ok make-install"

missing=
for f in bin/hclc share/man/man1/hclc.1 share/bash-completion/completions/hclc \
    share/zsh/site-functions/_hclc share/hclc/templates; do
    [ -e "$DEST$PREFIX/$f" ] || missing="$missing $f"
done
cmp -s man/hclc.1 "$DEST$PREFIX/share/man/man1/hclc.1" || missing="$missing (man page differs)"
cmp -s completions/hclc.bash "$DEST$PREFIX/share/bash-completion/completions/hclc" ||
    missing="$missing (bash completion differs)"
cmp -s completions/_hclc "$DEST$PREFIX/share/zsh/site-functions/_hclc" ||
    missing="$missing (zsh completion differs)"
ntemplates=$(cd templates && find . -type f | wc -l)
ninstalled=$(cd "$DEST$PREFIX/share/hclc/templates" 2>/dev/null && find . -type f | wc -l)
[ "$ntemplates" = "$ninstalled" ] || missing="$missing (templates: $ninstalled of $ntemplates)"
if [ -z "$missing" ]; then
    echo "ok install-puts-every-file"
else
    echo "not ok install-puts-every-file"
    echo "    missing:$missing"
fi

version=$("$DEST$PREFIX/bin/hclc" --version 2>&1)
if [ "$version" = "$("$HCLC" --version)" ]; then
    echo "ok installed-hclc-runs"
else
    echo "not ok installed-hclc-runs"
    echo "    $version"
fi
