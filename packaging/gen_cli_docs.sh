#!/bin/sh
# Writes, from qexplore-cli's own --help texts, what the package installs beside the program:
#   OUTDIR/qexplore-cli.h2m   extra sections for help2man (every command's --help, SEE ALSO)
#   OUTDIR/qexplore-cli.bash  bash completion: the commands, and each command's options
# Commands are the indented words under "Commands:" in `qexplore-cli --help`; a command's options are the
# -x / --long words that start an option line (indented, first character '-', or '[' for an optional
# alias) of `qexplore-cli CMD --help`.
# Usage: gen_cli_docs.sh QEXPLORE_CLI OUTDIR
set -eu
cli=$1
out=$2
mkdir -p "$out"
LC_ALL=C
export LC_ALL

commands=$("$cli" --help | awk '/^Commands:/ { on = 1; next } on && /^[[:space:]]*$/ { exit } on && /^  [a-z]/ { print $1 }')
[ -n "$commands" ] || { echo "gen_cli_docs.sh: no commands found in '$cli --help'" >&2; exit 1; }

# Option words of one command's help: the leading -x/--long tokens of lines indented by 1-6 spaces.
options_of() {
    "$cli" "$1" --help | awk '
        /^ +\[?-/ {
            match($0, /^ +/)
            if (RLENGTH > 6) next                   # a wrapped description line, not an option
            line = substr($0, RLENGTH + 1)
            n = split(line, parts, /  +/)          # the option column ends at the first run of 2+ spaces
            m = split(parts[1], words, /[][ ,=]+/)   # "-f, --file TEXT", "[-m, --model] MODEL"
            for (i = 1; i <= m; ++i) if (words[i] ~ /^--?[A-Za-z0-9][A-Za-z0-9_-]*$/) print words[i]
        }' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

# help2man include file: a COMMANDS section with each command's help as preformatted text.
{
    echo "[COMMANDS]"
    for c in $commands; do
        echo ".SS \"$c\""
        echo ".nf"
        "$cli" "$c" --help | sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
        echo ".fi"
    done
    echo "[SEE ALSO]"
    echo ".BR qexplore (1)"
    echo ".PP"
    echo "The documentation in /usr/share/doc/qexplore (README.md and docs/)."
} > "$out/qexplore-cli.h2m.tmp"
mv "$out/qexplore-cli.h2m.tmp" "$out/qexplore-cli.h2m"

# bash completion
{
    echo "# bash completion for qexplore-cli, generated from its --help texts (packaging/gen_cli_docs.sh)."
    echo "_qexplore_cli_options()"
    echo "{"
    echo "    case \"\$1\" in"
    for c in $commands; do
        echo "    $c) echo \"$(options_of "$c")\" ;;"
    done
    echo "    esac"
    echo "}"
    echo
    echo "_qexplore_cli()"
    echo "{"
    echo "    local cur=\${COMP_WORDS[COMP_CWORD]}"
    echo "    COMPREPLY=()"
    echo "    if [ \"\$COMP_CWORD\" -eq 1 ]; then"
    echo "        COMPREPLY=(\$(compgen -W \"$(echo $commands) --help\" -- \"\$cur\"))"
    echo "        return 0"
    echo "    fi"
    echo "    if [[ \$cur == -* ]]; then"
    echo "        COMPREPLY=(\$(compgen -W \"\$(_qexplore_cli_options \"\${COMP_WORDS[1]}\")\" -- \"\$cur\"))"
    echo "        return 0"
    echo "    fi"
    echo "    local IFS=\$'\\n'"
    echo "    COMPREPLY=(\$(compgen -f -- \"\$cur\"))   # models, texts, plans: file names"
    echo "    compopt -o filenames 2>/dev/null"
    echo "    return 0"
    echo "}"
    echo "complete -F _qexplore_cli qexplore-cli"
} > "$out/qexplore-cli.bash.tmp"
mv "$out/qexplore-cli.bash.tmp" "$out/qexplore-cli.bash"
