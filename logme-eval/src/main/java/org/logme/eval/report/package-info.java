/**
 * Renderings of evaluation results: the correlation JSON, plain-text tables, and a report
 * directory with {@code results.csv}, {@code results.json} and a self-contained
 * {@code report.html} (inline SVG scatter plots with labelled models), written atomically.
 *
 * @since 0.1
 */
package org.logme.eval.report;
