/**
 * Reading NumPy arrays: {@code .npy} files (format versions 1.0, 2.0 and 3.0; boolean,
 * integer and floating dtypes of either byte order; C or Fortran order) and {@code .npz}
 * archives of them. Values are widened to double. Object (pickled) arrays are refused: reading
 * them would mean running arbitrary code.
 *
 * <p>Sizes are checked against the file before anything is allocated, so a corrupt or hostile
 * header cannot make the reader allocate more than the data it really holds.
 *
 * @since 0.1
 */
package org.logme.io;
