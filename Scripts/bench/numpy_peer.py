#!/usr/bin/env python3
"""The numpy peer of Scripts/bench/run.sh: GELU and its derivative on np.linspace, vectorised
with scipy.special.erfc, written with np.savetxt(fmt='%.17g') as "x,f,f'" CSV.

    python3 numpy_peer.py [POINTS] [OUTPUT]      (default 2000001 points to standard output)

numpy and scipy: pip install -r Scripts/requirements.txt.
"""
import sys

import numpy as np
from scipy.special import erfc

points = int(sys.argv[1]) if len(sys.argv) > 1 else 2000001
output = sys.argv[2] if len(sys.argv) > 2 else sys.stdout.buffer

x = np.linspace(-10.0, 10.0, points)
cdf = 0.5 * erfc(-x / np.sqrt(2.0))
f = x * cdf
df = cdf + x * np.exp(-0.5 * x * x) / np.sqrt(2.0 * np.pi)
np.savetxt(output, np.column_stack([x, f, df]), fmt="%.17g", delimiter=",",
           header="x,gelu,gelu_grad", comments="")
