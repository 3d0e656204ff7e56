"""The catalogue's parameters and their defaults, read from ``activ list --format json``.

The scripts that model catalogue functions (make_reference.py, peers.py, jax_peer.py) take each
parameter a spec leaves out from here, so a default changed in activ's catalogue reaches the
fixture and the peers without a copy to update.

The binary is ``.build/release/activ`` (build it with ``swift build -c release``), or the path in
the environment variable ACTIV, or the one given to use(); the scripts' ``--activ PATH`` option
calls use(), which also sets ACTIV so that worker processes read the same binary.

Values come in the form the scripts' spec parser (make_reference.parse_value) gives: numbers and
list entries as floats, words as strings, booleans as booleans, and "none" where the catalogue has
no default (softplus' threshold).
"""

import json
import os
import subprocess

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_ACTIV = os.path.join(REPO, ".build", "release", "activ")

_defaults = None


def use(path):
    """Read the catalogue from the activ binary at path (here and in child processes)."""
    global _defaults
    os.environ["ACTIV"] = path
    _defaults = None


def activ_path():
    return os.environ.get("ACTIV") or DEFAULT_ACTIV


def _value(v):
    if v is None:
        return "none"
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, list):
        return [float(e) for e in v]
    return v


def defaults():
    """{name: {parameter: default}} for every catalogue function, in declaration order."""
    global _defaults
    if _defaults is None:
        activ = activ_path()
        try:
            listing = subprocess.run(
                [activ, "list", "--format", "json"], check=True, stdout=subprocess.PIPE
            ).stdout
        except (OSError, subprocess.CalledProcessError) as e:
            raise SystemExit(
                f"cannot read the catalogue from '{activ} list --format json' ({e}); build activ "
                "with 'swift build -c release', or give its path with --activ PATH or ACTIV=PATH"
            ) from None
        _defaults = {
            entry["name"]: {p["name"]: _value(p["default"]) for p in entry["parameters"]}
            for entry in json.loads(listing)
        }
    return _defaults


def parameters(name):
    """The parameters of the catalogue function name, with their defaults."""
    found = defaults().get(name)
    if found is None:
        raise ValueError(f"{name!r} is not in activ's catalogue")
    return dict(found)
