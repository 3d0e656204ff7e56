#!/usr/bin/env python3
"""The JAX peer of ActivBench: value and gradient of each activation over a grid, in float64.

For every function JAX has, `jit` of (f(x), vmap(grad(f))(x)) on a 2,000,001-point grid over
[-10, 10], compute only (the grid is on the device before timing, results are waited for with
block_until_ready, nothing is printed or copied back), best of several runs after a warm-up.
Prints TSV: function, ns per point. With --numpy, also a naive numpy + scipy GELU (erfc from
scipy.special), compute only, as the row `gelu (numpy)`.

Parameters JAX takes (leaky_relu's slope, elu's and celu's alpha, squareplus' b) are the
catalogue's defaults, read from `activ list --format json` (Scripts/reference/catalogue.py).

  python3 Scripts/bench/jax_peer.py [--points N] [--runs R] [--numpy] [--activ PATH]

jax, numpy and scipy: pip install -r Scripts/requirements.txt.
"""

import argparse
import math
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
import catalogue  # noqa: E402


def jax_functions(jax, jnp):
    nn = jax.nn

    def default(name, parameter):
        return catalogue.parameters(name)[parameter]

    slope = default("leaky_relu", "negative_slope")
    elu_alpha, celu_alpha = default("elu", "alpha"), default("celu", "alpha")
    table = {
        "sigmoid": nn.sigmoid,
        "hard_sigmoid": nn.hard_sigmoid,
        "tanh": jnp.tanh,
        "relu": nn.relu,
        "softplus": nn.softplus,
        "leaky_relu": lambda x: nn.leaky_relu(x, slope),
        "elu": lambda x: nn.elu(x, elu_alpha),
        "relu6": nn.relu6,
        "silu": nn.silu,
        "swish": nn.swish,
        "hard_swish": nn.hard_swish,
        "gelu": lambda x: nn.gelu(x, approximate=False),
        "gelu(approximate=tanh)": lambda x: nn.gelu(x, approximate=True),
        "selu": nn.selu,
        "celu": lambda x: nn.celu(x, celu_alpha),
        "softsign": nn.soft_sign,
        "log_sigmoid": nn.log_sigmoid,
        "hard_tanh": nn.hard_tanh,
        "identity": lambda x: x,
    }
    if hasattr(nn, "mish"):
        table["mish"] = nn.mish
    if hasattr(nn, "squareplus"):
        b = default("squareplus", "b")
        table["squareplus"] = lambda x: nn.squareplus(x, b)
    return table


def best_of(runs, work):
    best = math.inf
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=2_000_001)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--numpy", action="store_true", help="also time a numpy + scipy GELU")
    parser.add_argument(
        "--activ", metavar="PATH", help="activ, for the catalogue's defaults (.build/release/activ)"
    )
    args = parser.parse_args()
    if args.activ:
        catalogue.use(args.activ)

    print("function\tns_per_point")
    try:
        import jax

        jax.config.update("jax_enable_x64", True)
        import jax.numpy as jnp
    except ImportError:
        print("# jax is not importable", file=sys.stderr)
    else:
        x = jax.device_put(jnp.linspace(-10.0, 10.0, args.points, dtype=jnp.float64))
        for name, f in jax_functions(jax, jnp).items():
            both = jax.jit(lambda x, f=f: (f(x), jax.vmap(jax.grad(f))(x)))
            jax.block_until_ready(both(x))  # compile and warm up

            def work(both=both):
                jax.block_until_ready(both(x))

            seconds = best_of(args.runs, work)
            print(f"{name}\t{seconds / args.points * 1e9:.2f}", flush=True)

    if args.numpy:
        import numpy as np
        from scipy.special import erfc

        x = np.linspace(-10.0, 10.0, args.points)
        root2 = math.sqrt(2.0)
        inverse_root_2pi = 1.0 / math.sqrt(2.0 * math.pi)

        def gelu():
            cdf = 0.5 * erfc(-x / root2)
            return x * cdf, cdf + x * np.exp(-0.5 * x * x) * inverse_root_2pi

        seconds = best_of(max(1, args.runs // 2), gelu)
        print(f"gelu (numpy)\t{seconds / args.points * 1e9:.2f}", flush=True)


if __name__ == "__main__":
    main()
