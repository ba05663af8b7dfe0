/**
 * JMH benchmarks of logme's hot paths on every backend found on the class path. Run with
 * {@code java -jar logme-bench/target/benchmarks.jar}; {@code docs/performance.md} gives the
 * protocol and the figures measured.
 *
 * @since 0.1
 */
package org.logme.bench;
