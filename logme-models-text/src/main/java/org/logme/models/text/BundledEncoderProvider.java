package org.logme.models.text;

import org.logme.api.extractor.FeatureExtractor;
import org.logme.api.extractor.FeatureExtractorProvider;
import org.logme.api.extractor.Modality;

/**
 * The provider of one {@link BundledEncoder}. ServiceLoader needs a class per provider, so each
 * encoder has a one-line subclass, nested here and listed in
 * {@code META-INF/services/org.logme.api.extractor.FeatureExtractorProvider}.
 *
 * @since 0.2
 */
public abstract class BundledEncoderProvider implements FeatureExtractorProvider {
  private final BundledEncoder encoder;

  BundledEncoderProvider(BundledEncoder encoder) {
    this.encoder = encoder;
  }

  @Override
  public String name() {
    return encoder.modelName();
  }

  @Override
  public String description() {
    return encoder.description();
  }

  @Override
  public Modality modality() {
    return Modality.TEXT;
  }

  @Override
  public String version(String argument) {
    noArgument(argument);
    return encoder.version();
  }

  @Override
  public FeatureExtractor open(String argument, int threads) {
    noArgument(argument);
    return OnnxTextEncoder.load(encoder.spec(), threads);
  }

  private void noArgument(String argument) {
    if (!argument.isEmpty()) {
      throw new IllegalArgumentException(name() + " takes no argument, got '" + argument + "'");
    }
  }

  /** all-MiniLM-L6-v2. */
  public static final class AllMiniLmL6V2 extends BundledEncoderProvider {
    /** Creates the provider. */
    public AllMiniLmL6V2() {
      super(BundledEncoder.ALL_MINILM_L6_V2);
    }
  }

  /** all-MiniLM-L6-v2, quantised. */
  public static final class AllMiniLmL6V2Quantised extends BundledEncoderProvider {
    /** Creates the provider. */
    public AllMiniLmL6V2Quantised() {
      super(BundledEncoder.ALL_MINILM_L6_V2_Q);
    }
  }

  /** bge-small-en-v1.5. */
  public static final class BgeSmallEnV15 extends BundledEncoderProvider {
    /** Creates the provider. */
    public BgeSmallEnV15() {
      super(BundledEncoder.BGE_SMALL_EN_V15);
    }
  }

  /** bge-small-en-v1.5, quantised. */
  public static final class BgeSmallEnV15Quantised extends BundledEncoderProvider {
    /** Creates the provider. */
    public BgeSmallEnV15Quantised() {
      super(BundledEncoder.BGE_SMALL_EN_V15_Q);
    }
  }

  /** e5-small-v2. */
  public static final class E5SmallV2 extends BundledEncoderProvider {
    /** Creates the provider. */
    public E5SmallV2() {
      super(BundledEncoder.E5_SMALL_V2);
    }
  }

  /** e5-small-v2, quantised. */
  public static final class E5SmallV2Quantised extends BundledEncoderProvider {
    /** Creates the provider. */
    public E5SmallV2Quantised() {
      super(BundledEncoder.E5_SMALL_V2_Q);
    }
  }

  /** bge-small-zh-v1.5. */
  public static final class BgeSmallZhV15 extends BundledEncoderProvider {
    /** Creates the provider. */
    public BgeSmallZhV15() {
      super(BundledEncoder.BGE_SMALL_ZH_V15);
    }
  }

  /** bge-small-zh-v1.5, quantised. */
  public static final class BgeSmallZhV15Quantised extends BundledEncoderProvider {
    /** Creates the provider. */
    public BgeSmallZhV15Quantised() {
      super(BundledEncoder.BGE_SMALL_ZH_V15_Q);
    }
  }
}
