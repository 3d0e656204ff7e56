// The C peer of Scripts/bench/run.sh: GELU and its derivative on an evenly spaced grid with libm,
// printed as "x,f,f'" with printf("%.17g"), the way one would write it by hand.
//   cc -O2 -o gelu_peer gelu_peer.c -lm && ./gelu_peer [POINTS] [MIN] [MAX] > out.csv
//   f(x) = x·Φ(x), Φ(x) = erfc(-x/√2)/2;  f'(x) = Φ(x) + x·φ(x), φ(x) = exp(-x²/2)/√(2π)
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 2000001;
  double lo = argc > 2 ? atof(argv[2]) : -10;
  double hi = argc > 3 ? atof(argv[3]) : 10;
  const double inv_sqrt2 = 0.70710678118654752440;
  const double inv_sqrt2pi = 0.39894228040143267794;
  printf("x,gelu,gelu_grad\n");
  for (long i = 0; i < n; i++) {
    double x = n > 1 ? lo + (hi - lo) * (double)i / (double)(n - 1) : lo;
    double cdf = 0.5 * erfc(-x * inv_sqrt2);
    double f = x * cdf;
    double df = cdf + x * inv_sqrt2pi * exp(-0.5 * x * x);
    printf("%.17g,%.17g,%.17g\n", x, f, df);
  }
  return 0;
}
