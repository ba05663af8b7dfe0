package org.logme.cli;

import java.util.Map;

/**
 * What a {@code score} run worked on, reported beside each result.
 *
 * @param backend the backend's name
 * @param parameters every estimator's resolved hyper-parameters, by estimator name
 * @param n the number of samples
 * @param d the feature dimension, or null without features
 * @param classes the number of classes, or null without labels
 * @param outputs the number of target columns, or null without targets
 * @param inputs the files given, by option name
 */
record ScoreContext(String backend, Map<String, Map<String, String>> parameters, int n, Integer d,
    Integer classes, Integer outputs, Map<String, String> inputs) {
}
