#!/usr/bin/env python3
"""Reference outputs for `activ apply`'s layers, computed independently with JAX in float64.

Each layer is written here from its paper / the source article's PyTorch code (not from activ's
Swift): a depthwise `conv_general_dilated` plus inference BatchNorm for FReLU, the two 1×1
convolutions as matrices for Meta-ACON, a reshape-and-max for Maxout. The diagonal gradient
∂yᵢ/∂xᵢ comes from JAX's forward-mode autodiff of the whole map (`jacfwd`), so it includes every
path (FReLU's centre tap, Meta-ACON's generated beta) without any formula of activ's.

RReLU's training slopes are activ's documented generator (SplitMix64 seeded with seed ^ mix(i)
for element i), reimplemented here from the SplitMix64 paper so the draws are pinned across
languages.

Usage: pip install -r Scripts/requirements.txt   (jax, numpy)
       python3 Scripts/reference/make_layer_fixtures.py -o Tests/ActivationsTests/Fixtures/layers.json
"""

import argparse
import json

import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

MASK = (1 << 64) - 1


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def unit_draw(seed, index):
    state = (seed ^ mix(index)) & MASK
    state = (state + 0x9E3779B97F4A7C15) & MASK
    return (mix(state) >> 11) * 2.0**-53


# ---- layers, as functions of a C×H×W array -------------------------------------------------


def frelu(kernel, gamma, beta, mean, var, eps):
    def layer(x):
        c = x.shape[0]
        k = jnp.broadcast_to(jnp.asarray(kernel, dtype=jnp.float64).reshape(-1, 3, 3), (c, 3, 3))
        conv = jax.lax.conv_general_dilated(
            x[None], k[:, None], window_strides=(1, 1), padding=((1, 1), (1, 1)),
            dimension_numbers=("NCHW", "OIHW", "NCHW"), feature_group_count=c,
            precision=jax.lax.Precision.HIGHEST)[0]

        def per_channel(v):
            return jnp.broadcast_to(jnp.asarray(v, dtype=jnp.float64), (c,))[:, None, None]

        t = (conv - per_channel(mean)) / jnp.sqrt(per_channel(var) + per_channel(eps))
        t = t * per_channel(gamma) + per_channel(beta)
        return jnp.maximum(x, t)

    return layer


def acon_c(x, p1, p2, beta):
    dpx = (p1 - p2) * x
    return dpx * jax.nn.sigmoid(beta * dpx) + p2 * x


def meta_acon(p1, p2, design, r=16, w1=None, b1=None, w2=None, b2=None):
    def layer(x):
        c = x.shape[0]
        p1c = jnp.broadcast_to(jnp.asarray(p1, dtype=jnp.float64), (c,))[:, None, None]
        p2c = jnp.broadcast_to(jnp.asarray(p2, dtype=jnp.float64), (c,))[:, None, None]
        if design == "pixel":
            return acon_c(x, p1c, p2c, jax.nn.sigmoid(x))
        n = c if design == "channel" else 1
        hidden = max(r, n // r)

        def matrix(v, rows, cols, default):
            if v is None:
                return jnp.full((rows, cols), default)
            return jnp.broadcast_to(jnp.asarray(v, dtype=jnp.float64), (rows * cols,)).reshape(rows, cols)

        W1 = matrix(w1, hidden, n, 1.0 / n)
        B1 = matrix(b1, hidden, 1, 0.0)[:, 0]
        W2 = matrix(w2, n, hidden, 1.0 / hidden)
        B2 = matrix(b2, n, 1, 0.0)[:, 0]
        m = x.mean(axis=(1, 2)) if design == "channel" else jnp.array([x.mean()])
        beta = jax.nn.sigmoid(W2 @ (W1 @ m + B1) + B2)
        beta = beta[:, None, None] if design == "channel" else beta[0]
        return acon_c(x, p1c, p2c, beta)

    return layer


def maxout(k):
    def layer(x):
        c, h, w = x.shape
        return x.reshape(c // k, k, h, w).max(axis=1)

    return layer


def prelu(weight):
    def layer(x):
        a = jnp.broadcast_to(jnp.asarray(weight, dtype=jnp.float64), (x.shape[0],))[:, None, None]
        return jnp.where(x > 0, x, a * x)

    return layer


def rrelu(lower, upper, training, seed):
    def layer(x):
        if not training:
            return jnp.where(x > 0, x, (lower + upper) / 2 * x)
        slopes = np.array([lower + (upper - lower) * unit_draw(seed, i) for i in range(x.size)])
        return jnp.where(x > 0, x, slopes.reshape(x.shape) * x)

    return layer


def mish(x):
    return x * jnp.tanh(jax.nn.softplus(x))


def elementwise(f):
    return f


# ---- cases ---------------------------------------------------------------------------------


def diagonal_gradient(layer, x):
    """∂yᵢ/∂xᵢ for a layer that keeps the shape; for Maxout, ∂(Σ y)/∂xᵢ (the winners' mask)."""
    y = layer(x)
    if y.shape != x.shape:
        return jax.grad(lambda v: layer(v).sum())(x)
    jac = jax.jacfwd(lambda v: layer(v.reshape(x.shape)).reshape(-1))(x.reshape(-1))
    return jnp.diagonal(jac).reshape(x.shape)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--seed", type=int, default=20261124)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)

    def feature_map(c, h, w):
        return rng.uniform(-3, 3, size=(c, h, w))

    def values(n):
        return [float(v) for v in rng.uniform(-1, 1, size=n)]

    def spec_list(v):
        return "[" + ",".join(repr(float(e)) for e in v) + "]"

    cases = []

    def add(name, spec, layer, x, seed=0):
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(layer(jnp.asarray(x)))
        g = np.asarray(diagonal_gradient(layer, jnp.asarray(x)))
        cases.append({
            "name": name, "spec": spec, "seed": seed, "input": x.tolist(),
            "output": y.tolist(), "gradient": g.tolist(),
        })

    identity = [0, 0, 0, 0, 1, 0, 0, 0, 0]
    add("frelu identity kernel", "frelu(kernel=" + spec_list(identity) + ")",
        frelu(identity, 1, 0, 0, 1, 1e-5), feature_map(2, 4, 5))
    scaled = [0, 0, 0, 0, 2.5, 0, 0, 0, 0]
    add("frelu scaled centre, BatchNorm",
        "frelu(kernel=" + spec_list(scaled) + ", gamma=1.5, beta=-0.2, mean=0.3, var=2, eps=0.001)",
        frelu(scaled, 1.5, -0.2, 0.3, 2, 1e-3), feature_map(2, 4, 5))
    add("frelu box kernel (default), BatchNorm per channel",
        "frelu(gamma=[1.2,0.8], beta=[0.1,-0.3], mean=[0.05,-0.1], var=[0.5,1.5])",
        frelu([1 / 9] * 9, [1.2, 0.8], [0.1, -0.3], [0.05, -0.1], [0.5, 1.5], 1e-5),
        feature_map(2, 5, 4))
    kernels = values(18)
    add("frelu a kernel per channel", "frelu(kernel=" + spec_list(kernels) + ", gamma=0.7, beta=0.2)",
        frelu(kernels, 0.7, 0.2, 0, 1, 1e-5), feature_map(2, 3, 3))
    add("frelu one row", "frelu", frelu([1 / 9] * 9, 1, 0, 0, 1, 1e-5), feature_map(1, 1, 6))

    add("meta_acon pixel", "meta_acon(p1=[1.2,0.9], p2=[0.1,-0.2], design=pixel)",
        meta_acon([1.2, 0.9], [0.1, -0.2], "pixel"), feature_map(2, 3, 4))
    w1, b1, w2, b2 = values(6), values(2), values(6), values(3)
    add("meta_acon channel, trained weights",
        "meta_acon(p1=[1.5,1,0.8], p2=[0.2,-0.1,0], design=channel, r=2, w1=" + spec_list(w1)
        + ", b1=" + spec_list(b1) + ", w2=" + spec_list(w2) + ", b2=" + spec_list(b2) + ")",
        meta_acon([1.5, 1, 0.8], [0.2, -0.1, 0], "channel", 2, w1, b1, w2, b2), feature_map(3, 3, 4))
    add("meta_acon channel, default weights", "meta_acon(p1=1.3, p2=0.1)",
        meta_acon(1.3, 0.1, "channel"), feature_map(2, 3, 3))
    lw1, lb1, lw2, lb2 = values(4), values(4), values(4), values(1)
    add("meta_acon layer, trained weights",
        "meta_acon(p1=1.1, p2=-0.3, design=layer, r=4, w1=" + spec_list(lw1) + ", b1="
        + spec_list(lb1) + ", w2=" + spec_list(lw2) + ", b2=" + spec_list(lb2) + ")",
        meta_acon(1.1, -0.3, "layer", 4, lw1, lb1, lw2, lb2), feature_map(2, 3, 3))

    add("maxout k=2 on 4 channels", "maxout(k=2)", maxout(2), feature_map(4, 3, 3))
    add("maxout k=4 on 4 channels", "maxout(4)", maxout(4), feature_map(4, 2, 3))
    add("prelu per channel", "prelu(weight=[0.1,-0.5,2])", prelu([0.1, -0.5, 2]), feature_map(3, 2, 4))
    add("prelu shared default", "prelu", prelu(0.25), feature_map(2, 2, 2))
    add("rrelu evaluation", "rrelu(training=false)", rrelu(1 / 8, 1 / 3, False, 0), feature_map(2, 3, 3))
    add("rrelu training, seed 7", "rrelu(lower=0.1, upper=0.3)", rrelu(0.1, 0.3, True, 7),
        feature_map(2, 3, 4), seed=7)
    add("rrelu training, default seed", "rrelu", rrelu(1 / 8, 1 / 3, True, 0), feature_map(1, 4, 4))
    add("mish elementwise", "mish", elementwise(mish), feature_map(2, 2, 3))
    add("expression elementwise", "x*sigmoid(2*x)", elementwise(lambda x: x * jax.nn.sigmoid(2 * x)),
        feature_map(1, 3, 3))

    with open(args.output, "w") as f:
        json.dump({"generator": "Scripts/reference/make_layer_fixtures.py", "seed": args.seed,
                   "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"{len(cases)} cases -> {args.output}")


if __name__ == "__main__":
    main()
