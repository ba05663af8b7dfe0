/**
 * Scoring a model zoo: a directory with the target task and, per pre-trained model, its
 * features (and optionally source-model predictions), scored by several estimators in parallel
 * with bounded memory, in a stable order.
 *
 * @since 0.1
 */
package org.logme.eval.zoo;
