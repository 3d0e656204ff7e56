#!/usr/bin/env bash
# Runs every `$ command` of the ```console blocks in README.md and docs/*.md with the built activ
# and checks that it prints what the page shows (stdout and stderr together, as at a terminal).
#
# Usage: Scripts/readme_examples.sh [path/to/activ]   (default .build/release/activ)
# Pages are read in order (README.md, then docs/*.md by name), each block's commands in order; an
# `$ echo $?` shows the status of the command before it. A `$ cat FILE` whose FILE does not exist
# creates it from the page's text, so examples can share an input file. Exits 1 listing each
# example whose output differs.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-.build/release/activ}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$binary" "$work/bin/activ"

python3 - "$work" README.md docs/*.md <<'EOF'
import subprocess, sys, os

work, pages = sys.argv[1], sys.argv[2:]
env = dict(os.environ, PATH=work + "/bin:" + os.environ["PATH"], NO_COLOR="1")
examples, counts = [], {}
for page in pages:
    block = None
    for line in open(page, encoding="utf-8").read().split("\n"):
        if line.startswith("```console"):
            block = []
        elif line.startswith("```") and block is not None:
            examples += [[page] + example for example in block]
            counts[page] = counts.get(page, 0) + len(block)
            block = None
        elif block is not None:
            if line.startswith("$ "):
                block.append([line[2:], []])
            elif block:
                block[-1][1].append(line)

failures, status = 0, 0
for page, command, expected in examples:
    while expected and expected[-1] == "":
        expected.pop()
    expected_text = "\n".join(expected) + ("\n" if expected else "")
    if command == "echo $?":
        actual = f"{status}\n"
    else:
        parts = command.split()
        if parts[0] == "cat" and len(parts) == 2 and not os.path.exists(os.path.join(work, parts[1])):
            with open(os.path.join(work, parts[1]), "w") as f:
                f.write(expected_text)
        run = subprocess.run(["bash", "-c", command], cwd=work, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT)
        status, actual = run.returncode, run.stdout.decode()
    if actual != expected_text:
        failures += 1
        print(f"{page}: example differs: $ {command}\n--- {page}\n{expected_text}--- activ\n{actual}")
shown = ", ".join(f"{page} {n}" for page, n in counts.items())
print(f"{len(examples) - failures}/{len(examples)} README examples match ({shown})")
sys.exit(1 if failures else 0)
EOF
