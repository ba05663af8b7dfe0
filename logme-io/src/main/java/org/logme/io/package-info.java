/**
 * Reading NumPy arrays: {@code .npy} files (format versions 1.0, 2.0 and 3.0; boolean,
 * integer and floating dtypes of either byte order; C or Fortran order) and {@code .npz}
 * archives of them. Values are widened to double. Object (pickled) arrays are refused: reading
 * them would mean running arbitrary code.
 *
 * <p>Sizes are checked against the file before anything is allocated, so a corrupt or hostile
 * header cannot make the reader allocate more than the data it really holds.
 *
 * <p>Features too large for memory are streamed in row blocks into sufficient statistics
 * ({@link org.logme.io.StreamingStatistics}); {@link org.logme.io.FeatureReading} decides
 * between streaming and loading from what the estimators accept. Outputs are written
 * all-or-nothing ({@link org.logme.io.AtomicFiles}).
 *
 * @since 0.1
 */
package org.logme.io;
