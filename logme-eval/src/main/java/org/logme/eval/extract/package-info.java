/**
 * From labelled texts to a model zoo: {@link org.logme.eval.extract.TextTask} reads the texts,
 * {@link org.logme.eval.extract.TextZooBuilder} runs each pre-trained encoder over them (one at
 * a time, features cached by {@link org.logme.eval.extract.FeatureCache}) and writes the zoo
 * layout {@code logme rank} reads, with the cross-validated accuracy of an independent
 * logistic-regression probe as its ground truth.
 * <pre>
 *   TextTask task = TextTask.read(Path.of("emoji-en.csv"), "text", "label");
 *   TextZooBuilder builder = new TextZooBuilder(extractors, 2,
 *       Optional.of(new FeatureCache(cacheDir)), Optional.of(ProbeSettings.defaults()),
 *       ExtractionProgress.NONE);
 *   builder.build(task, builder.resolve(List.of("all")), Path.of("zoo"));
 * </pre>
 *
 * @since 0.2
 */
package org.logme.eval.extract;
