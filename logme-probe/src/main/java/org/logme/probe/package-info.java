/**
 * The ground truth estimators are judged against when no fine-tuned accuracy is at hand: the
 * k-fold cross-validated accuracy of a logistic-regression probe trained on a model's frozen
 * features. It is computed by LIBLINEAR (its Java port, {@code de.bwaldvogel:liblinear}), never
 * by an estimator's own classifier, so that LogME is not graded by LogME.
 * <pre>
 *   int[] folds = StratifiedFolds.assign(labels, 5, 0);
 *   ProbeAccuracy accuracy = new LinearProbe(ProbeSettings.defaults(), 2)
 *       .evaluate(features, labels, folds);
 *   accuracy.at(1.0);     // the accuracy at C = 1 (fraction)
 *   accuracy.nested();    // with C chosen by inner cross-validation
 * </pre>
 *
 * @since 0.2
 */
package org.logme.probe;
