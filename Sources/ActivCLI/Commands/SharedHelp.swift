import Activations

/// Help paragraphs several commands share, written once.
enum SharedHelp {
  /// What a SPEC is: eval, grad, table and plot.
  static let spec =
    "A SPEC names a function, optionally with parameters: mish, elu(alpha=0.5), leaky_relu(0.2), "
    + "gelu(approximate=tanh). A value may be a sweep of alternatives separated by '|': "
    + "'swish(beta=0.5|1|2)' stands for swish(beta=0.5), swish(beta=1) and swish(beta=2), each with "
    + "its own column or curve; several swept parameters give every combination (at most "
    + "\(Catalogue.maximumSweep) per SPEC). Quote specs with parentheses in the shell ('|' is "
    + "also the shell's pipe). A sweep may be a range START:END:STEP, inclusive, in exact "
    + "decimals: 'swish(beta=0.5:4:0.5)'. A value may be quoted, approximate=\"tanh\", or constant "
    + "arithmetic, alpha=1/2 or beta=2*pi (labelled by its shortest decimal, elu(alpha=0.5)). "
    + "Names ignore case, '_' and '-'."

  /// The default grid of eval, grad and table.
  static let grid =
    "Without --points or --step the grid has about 100 intervals of a round step (1, 2 or 5 × 10^k), "
    + "so x prints as short decimals; MIN and MAX are always included. Numbers are printed in the "
    + "shortest form that reads back exactly, independent of the locale."

  /// What `--format json` writes for rows.
  static let jsonRows =
    "--format json writes one JSON array: an object per row on its own line, keyed by the CSV "
    + "header's column names, numbers as JSON numbers in the same digits as the CSV (shortest, or "
    + "--precision). JSON has no NaN or infinity, so nan, inf and -inf are written as null; use "
    + "--format csv to tell nan from ±inf. The keys are the header, so --no-header does not go "
    + "with json."

  /// When the progress line shows.
  static let progress =
    "Progress: a run of 2,000,000 rows or more shows a line on standard error, 'activ: 42% "
    + "(840,000 of 2,000,001 rows)', redrawn at most 10 times a second and erased when the run "
    + "ends or fails; only when standard error is a terminal and the rows go elsewhere (-o FILE, "
    + "or standard output redirected), never when standard error is a pipe or file."
}
