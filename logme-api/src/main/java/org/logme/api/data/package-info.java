/**
 * Validated inputs of a transferability estimate: features, class labels, regression or
 * multi-label targets, and a source model's predictions. Each type checks itself on
 * construction (shape, finiteness, label range) and names its origin (usually a file) in every
 * message, so an estimator never sees malformed data.
 *
 * @since 0.1
 */
package org.logme.api.data;
