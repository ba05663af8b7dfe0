/**
 * HDF5 input for logme: {@link org.logme.hdf5.Hdf5Format}, an {@link org.logme.io.ArrayFormat}
 * found by ServiceLoader, reads {@code file.h5:/group/dataset} through jhdf in row blocks.
 *
 * @since 0.1
 */
package org.logme.hdf5;
