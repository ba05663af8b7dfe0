/**
 * Published benchmark tables, shipped with their provenance: the ground truth (fine-tuned or
 * linear-probe accuracy) of model zoos from the papers and repositories of the field, with the
 * estimator scores their sources published where they did, so that an estimator can be compared
 * on the tables others used, and a user's own scores on the same models. Where two tables give
 * different values for the same model and dataset, both are shown
 * ({@link org.logme.eval.benchmark.Benchmarks#disagreements}), never merged.
 *
 * @since 0.1
 */
package org.logme.eval.benchmark;
