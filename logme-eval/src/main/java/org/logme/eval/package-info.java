/**
 * The evaluation harness: how well transferability estimators rank pre-trained models,
 * measured against fine-tuned accuracy.
 *
 * <ul>
 *   <li>{@link org.logme.eval.stats}: the coefficients (weighted Kendall τ as scipy computes
 *       it, Kendall τ-b, Spearman, Pearson) and model-selection metrics;</li>
 *   <li>{@link org.logme.eval.table}: results tables read from CSV, the correlation table per
 *       group with means, the bootstrap;</li>
 *   <li>{@link org.logme.eval.zoo}: scoring a model-zoo directory with several estimators;</li>
 *   <li>{@link org.logme.eval.report}: JSON, text tables, {@code results.csv} and the
 *       self-contained {@code report.html};</li>
 *   <li>{@link org.logme.eval.ImageNet10Benchmark}: the published benchmark, shipped in the
 *       jar.</li>
 * </ul>
 * Nothing here depends on the command line or on dependency injection: estimators and the
 * linear-algebra backend are passed in, ready to use.
 *
 * @since 0.1
 */
package org.logme.eval;
