"""The peers accuracy.py measures next to activ: JAX (float64) and numpy written the obvious way.

Each is given a catalogue spec's name and parameters (make_reference.parse_spec, completed with the
catalogue's defaults from ``activ list --format json``, see Scripts/reference/catalogue.py) and
returns vectorized value and derivative functions of a float64 array.

* JAX: ``jax.nn.<f>`` where JAX has the function (noted "jax.nn.<f>"), else the obvious ``jnp``
  formula (noted "jnp"); values through ``jax.jit(f)``, derivatives through autodiff,
  ``jax.jit(jax.vmap(jax.grad(f)))``.
* numpy: the textbook formula and its textbook analytic derivative (1/(1+exp(-x)) and s(1-s),
  x*tanh(log1p(exp(x))) ...), under ``np.errstate(all="ignore")``.  Derivatives at kinks follow
  activ's documented conventions, so that a difference is numerical, not a choice of one-sided
  slope (accuracy.py skips peers' derivatives exactly at kinks anyway).

A function a peer cannot compute is None (shown as "—").
"""

import math

import numpy as np

import catalogue  # Scripts/reference, on the path accuracy.py sets

SELU_SCALE = 1.0507009873554804934193349852946
SELU_ALPHA = 1.6732632423543772848170429916717
SQRT_2_OVER_PI = math.sqrt(2 / math.pi)
GELU_C = 0.044715


def parameters(name, given):
    return {**catalogue.parameters(name), **given}


# ---------------------------------------------------------------------------
# numpy, the obvious way


def numpy_functions(name, given):
    """(value, derivative) on float64 arrays, or None."""
    p = parameters(name, given)
    exp, tanh, where = np.exp, np.tanh, np.where
    erf = np.vectorize(math.erf, otypes=[float])  # numpy has no erf; libm's via math

    def sig(z):
        return 1 / (1 + exp(-z))

    def linear_unit(a):
        return (lambda x: where(x > 0, x, a * x)), (lambda x: where(x > 0, 1.0, a))

    def swish_unit(b):
        def d(x):
            s = sig(b * x)
            return s + b * x * s * (1 - s)

        return (lambda x: x * sig(b * x)), d

    def acon_unit(p1, p2, beta_of, dbeta_of):
        # f = (p1-p2) x sigma(beta x) + p2 x, beta = beta(x)
        def f(x):
            return (p1 - p2) * x * sig(beta_of(x) * x) + p2 * x

        def d(x):
            z = beta_of(x) * x
            s = sig(z)
            dz = beta_of(x) + x * dbeta_of(x)
            return (p1 - p2) * s + (p1 - p2) * x * s * (1 - s) * dz + p2

        return f, d

    if name == "sigmoid":
        return sig, lambda x: sig(x) * (1 - sig(x))
    if name == "hard_sigmoid":
        return (
            lambda x: np.minimum(np.maximum(x + 3, 0), 6) / 6,
            lambda x: where(np.abs(x) < 3, 1 / 6, 0.0),
        )
    if name == "tanh":
        return tanh, lambda x: 1 - tanh(x) ** 2
    if name == "relu":
        return (lambda x: np.maximum(x, 0)), (lambda x: where(x > 0, 1.0, 0.0))
    if name == "softplus":
        b, th = p["beta"], p["threshold"]

        def f(x):
            y = np.log(1 + exp(b * x)) / b
            return y if th == "none" else where(b * x > th, x, y)

        def d(x):
            y = sig(b * x)
            return y if th == "none" else where(b * x > th, 1.0, y)

        return f, d
    if name == "leaky_relu":
        return linear_unit(p["negative_slope"])
    if name == "prelu":
        return linear_unit(p["weight"])
    if name == "rrelu":
        return linear_unit((p["lower"] + p["upper"]) / 2)
    if name == "elu":
        a = p["alpha"]
        return (
            lambda x: where(x > 0, x, a * (exp(x) - 1)),
            lambda x: where(x > 0, 1.0, a * exp(x)),
        )
    if name == "relu6":
        return (
            lambda x: np.minimum(np.maximum(x, 0), 6),
            lambda x: where((x > 0) & (x < 6), 1.0, 0.0),
        )
    if name == "silu":
        return swish_unit(1.0)
    if name == "swish":
        return swish_unit(p["beta"])
    if name == "hard_swish":
        return (
            lambda x: x * np.minimum(np.maximum(x + 3, 0), 6) / 6,
            lambda x: where(x < -3, 0.0, where(x > 3, 1.0, (2 * x + 3) / 6)),
        )
    if name == "mish":

        def d(x):
            t = tanh(np.log1p(exp(x)))
            return t + x * sig(x) * (1 - t * t)

        return (lambda x: x * tanh(np.log1p(exp(x)))), d
    if name == "gelu" and p["approximate"] == "none":
        return (
            lambda x: 0.5 * x * (1 + erf(x / math.sqrt(2))),
            lambda x: 0.5 * (1 + erf(x / math.sqrt(2))) + x * exp(-x * x / 2) / math.sqrt(2 * math.pi),
        )
    if name == "gelu":

        def d(x):
            t = tanh(SQRT_2_OVER_PI * (x + GELU_C * x**3))
            return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_C * x * x)

        return (lambda x: 0.5 * x * (1 + tanh(SQRT_2_OVER_PI * (x + GELU_C * x**3)))), d
    if name == "maxout":
        w, b = np.array(p["weights"]), np.array(p["biases"])

        def pieces(x):
            return w[:, None] * x[None, :] + b[:, None]

        return (
            lambda x: pieces(x).max(axis=0),
            lambda x: w[pieces(x).argmax(axis=0)],  # argmax: the first tied piece, like torch.max
        )
    if name == "frelu":
        t = p["t"]
        return (
            lambda x: np.maximum(x, t),
            lambda x: where(x > t, 1.0, where(x == t, 0.5, 0.0)),
        )
    if name == "acon_c":
        beta = p["beta"]
        return acon_unit(p["p1"], p["p2"], lambda x: beta, lambda x: 0.0)
    if name == "meta_acon":
        return acon_unit(p["p1"], p["p2"], sig, lambda x: sig(x) * (1 - sig(x)))
    if name == "selu":
        return (
            lambda x: SELU_SCALE * where(x > 0, x, SELU_ALPHA * (exp(x) - 1)),
            lambda x: SELU_SCALE * where(x > 0, 1.0, SELU_ALPHA * exp(x)),
        )
    if name == "celu":
        a = p["alpha"]
        return (
            lambda x: where(x > 0, x, a * (exp(x / a) - 1)),
            lambda x: where(x > 0, 1.0, exp(x / a)),
        )
    if name == "softsign":
        return (lambda x: x / (1 + np.abs(x))), (lambda x: 1 / (1 + np.abs(x)) ** 2)
    if name == "log_sigmoid":
        return (lambda x: np.log(sig(x))), (lambda x: 1 - sig(x))
    if name == "tanhshrink":
        return (lambda x: x - tanh(x)), (lambda x: tanh(x) ** 2)
    if name == "softshrink":
        lam = p["lambda"]
        return (
            lambda x: where(x > lam, x - lam, where(x < -lam, x + lam, 0.0)),
            lambda x: where(np.abs(x) > lam, 1.0, 0.0),
        )
    if name == "hardshrink":
        lam = p["lambda"]
        return (
            lambda x: where(np.abs(x) > lam, x, 0.0),
            lambda x: where(np.abs(x) > lam, 1.0, 0.0),
        )
    if name == "hard_tanh":
        lo, hi = p["min_val"], p["max_val"]
        return (
            lambda x: np.clip(x, lo, hi),
            lambda x: where((x > lo) & (x < hi), 1.0, 0.0),
        )
    if name == "threshold":
        th, v = p["threshold"], p["value"]
        return (lambda x: where(x > th, x, v)), (lambda x: where(x > th, 1.0, 0.0))
    if name == "identity":
        return (lambda x: x + 0.0), (lambda x: np.ones_like(x))
    if name == "squareplus":
        b = p["b"]
        return (
            lambda x: (x + np.sqrt(x * x + b)) / 2,
            lambda x: (1 + x / np.sqrt(x * x + b)) / 2,
        )
    if name == "relu2":
        return (lambda x: np.maximum(x, 0) ** 2), (lambda x: 2 * np.maximum(x, 0))
    return None


def numpy_eval(name, given, xs):
    """(values, derivatives) as float64 arrays, or None."""
    fns = numpy_functions(name, given)
    if fns is None:
        return None
    x = np.asarray(xs, dtype=np.float64)
    with np.errstate(all="ignore"):
        return tuple(np.broadcast_to(np.asarray(g(x), dtype=np.float64), x.shape) for g in fns)


# ---------------------------------------------------------------------------
# JAX (float64)


def jax_version():
    """'jax X, jaxlib Y' if JAX imports, else None.  Enables float64 as a side effect."""
    try:
        import jax
        import jaxlib
    except ImportError:
        return None
    jax.config.update("jax_enable_x64", True)
    return f"jax {jax.__version__}, jaxlib {jaxlib.__version__}, {jax.default_backend()}"


def jax_function(name, given):
    """(f, label): f a jnp function of a scalar (or elementwise of an array), or None."""
    import jax.numpy as jnp
    from jax import nn

    p = parameters(name, given)

    def leaky(a):
        return (lambda x: nn.leaky_relu(x, a)), "jax.nn.leaky_relu"

    def acon(p1, p2, beta_of):
        return (lambda x: (p1 - p2) * x * nn.sigmoid(beta_of(x) * x) + p2 * x), "jnp"

    simple = {
        "sigmoid": nn.sigmoid,
        "hard_sigmoid": nn.hard_sigmoid,
        "tanh": jnp.tanh,
        "relu": nn.relu,
        "relu6": nn.relu6,
        "silu": nn.silu,
        "hard_swish": nn.hard_swish,
        "mish": getattr(nn, "mish", None),
        "selu": nn.selu,
        "softsign": nn.soft_sign,
        "log_sigmoid": nn.log_sigmoid,
        "identity": getattr(nn, "identity", None),
    }
    if simple.get(name) is not None:
        label = "jnp.tanh" if name == "tanh" else f"jax.nn.{simple[name].__name__}"
        return simple[name], label
    if name == "softplus":
        b, th = p["beta"], p["threshold"]
        if b == 1 and th == "none":
            return nn.softplus, "jax.nn.softplus"
        if th == "none":
            return (lambda x: nn.softplus(b * x) / b), "jax.nn.softplus"
        return (lambda x: jnp.where(b * x > th, x, nn.softplus(b * x) / b)), "jax.nn.softplus"
    if name == "leaky_relu":
        return leaky(p["negative_slope"])
    if name == "prelu":
        return leaky(p["weight"])
    if name == "rrelu":
        return leaky((p["lower"] + p["upper"]) / 2)
    if name == "elu":
        a = p["alpha"]
        return (lambda x: nn.elu(x, a)), "jax.nn.elu"
    if name == "celu":
        a = p["alpha"]
        return (lambda x: nn.celu(x, a)), "jax.nn.celu"
    if name == "swish":
        b = p["beta"]
        if b == 1:
            return nn.swish, "jax.nn.swish"
        return (lambda x: x * nn.sigmoid(b * x)), "jnp"
    if name == "gelu":
        approximate = p["approximate"] == "tanh"
        return (lambda x: nn.gelu(x, approximate=approximate)), "jax.nn.gelu"
    if name == "maxout":
        w, b = p["weights"], p["biases"]
        return (lambda x: jnp.max(jnp.stack([wi * x + bi for wi, bi in zip(w, b)]), axis=0)), "jnp"
    if name == "frelu":
        t = p["t"]
        return (lambda x: jnp.maximum(x, t)), "jnp"
    if name == "acon_c":
        beta = p["beta"]
        return acon(p["p1"], p["p2"], lambda x: beta)
    if name == "meta_acon":
        return acon(p["p1"], p["p2"], nn.sigmoid)
    if name == "tanhshrink":
        return (lambda x: x - jnp.tanh(x)), "jnp"
    if name == "softshrink":
        lam = p["lambda"]
        return (lambda x: jnp.where(x > lam, x - lam, jnp.where(x < -lam, x + lam, 0.0))), "jnp"
    if name == "hardshrink":
        lam = p["lambda"]
        return (lambda x: jnp.where(jnp.abs(x) > lam, x, 0.0)), "jnp"
    if name == "hard_tanh":
        lo, hi = p["min_val"], p["max_val"]
        if (lo, hi) == (-1, 1):
            return nn.hard_tanh, "jax.nn.hard_tanh"
        return (lambda x: jnp.clip(x, lo, hi)), "jnp"
    if name == "threshold":
        th, v = p["threshold"], p["value"]
        return (lambda x: jnp.where(x > th, x, v)), "jnp"
    if name == "squareplus" and hasattr(nn, "squareplus"):
        b = p["b"]
        return (lambda x: nn.squareplus(x, b)), "jax.nn.squareplus"
    if name == "relu2":
        return (lambda x: jnp.square(nn.relu(x))), "jnp"
    return None


def jax_eval(name, given, xs):
    """(values, derivatives, label) as float64 arrays, or None."""
    import jax
    import jax.numpy as jnp

    found = jax_function(name, given)
    if found is None:
        return None
    f, label = found
    x = jnp.asarray(np.asarray(xs, dtype=np.float64))
    values = np.asarray(jax.jit(f)(x), dtype=np.float64)
    derivatives = np.asarray(jax.jit(jax.vmap(jax.grad(f)))(x), dtype=np.float64)
    return np.broadcast_to(values, x.shape), derivatives, label
