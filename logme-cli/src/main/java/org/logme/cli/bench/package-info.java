/**
 * The {@code logme bench} protocol: seeded synthetic tasks written as float32 {@code .npy}
 * files, scored by {@code logme score} in a fresh JVM per backend, timed, with the peak resident
 * memory of the whole process.
 *
 * @since 0.1
 */
package org.logme.cli.bench;
