package org.logme.cli;

import java.util.Map;

/**
 * What a {@code score} run worked on, reported beside each result.
 *
 * @param backend the backend's name
 * @param n the number of samples
 * @param d the feature dimension, or null without features
 * @param classes the number of classes, or null without labels
 * @param outputs the number of target columns, or null without targets
 * @param featureInput how the features were read (streamed or loaded, and why)
 * @param inputs the files given, by option name
 */
record ScoreContext(String backend, int n, Integer d, Integer classes, Integer outputs,
    String featureInput, Map<String, String> inputs) {
}
