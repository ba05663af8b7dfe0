/**
 * The embedded demonstration: a small "model zoo" of feature extractors applied to real data
 * (the UCI optical handwritten digits), ranked by LogME and checked against a linear probe.
 *
 * @since 0.1
 */
package org.logme.cli.demo;
