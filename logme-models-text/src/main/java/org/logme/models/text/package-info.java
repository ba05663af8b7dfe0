/**
 * Pre-trained sentence encoders as {@link org.logme.api.extractor.FeatureExtractor}s, run in
 * process by ONNX Runtime through langchain4j-embeddings: eight bundled models
 * ({@link org.logme.models.text.BundledEncoderProvider}, weights from langchain4j's Maven
 * artifacts) and {@code onnx:FOLDER} for a user's own export
 * ({@link org.logme.models.text.OnnxFolderProvider}).
 *
 * <p>Each model is loaded when opened and released when closed, so a zoo of them needs the
 * memory of one. How a text becomes a row (prefix, tokeniser, pooling, normalisation, long texts)
 * is described in {@link org.logme.models.text.OnnxTextEncoder}.
 *
 * @since 0.2
 */
package org.logme.models.text;
