/**
 * The feature-extractor SPI: a pre-trained model that turns the items of a task (texts, for
 * now) into feature rows, which the estimators then score.
 *
 * <p>A {@link org.logme.api.extractor.FeatureExtractorProvider} is found with
 * {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/org.logme.api.extractor.FeatureExtractorProvider}) and opens a
 * {@link org.logme.api.extractor.FeatureExtractor}, which holds the model's weights until it is
 * closed. Extractors are loaded one at a time: a zoo of models never needs all of them in memory.
 * <pre>
 *   FeatureExtractorProvider provider = registry.get("all-minilm-l6-v2-q");
 *   try (FeatureExtractor model = provider.open("", 2)) {
 *     float[][] rows = model.extract(List.of("grinning face", "red apple"));  // 2 × 384
 *   }
 * </pre>
 *
 * @since 0.2
 */
package org.logme.api.extractor;
