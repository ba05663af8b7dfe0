package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers ETran's terms on their own, {@code etran-lda} and {@code etran-energy}
 * ({@link EtranTermEstimator}), with {@link java.util.ServiceLoader}: one provider class per
 * term, as ServiceLoader needs a no-argument constructor.
 *
 * @since 0.2
 */
public abstract class EtranTermEstimatorProvider implements EstimatorProvider {
  private final EtranTermEstimator.Term term;

  EtranTermEstimatorProvider(EtranTermEstimator.Term term) {
    this.term = term;
  }

  @Override
  public String name() {
    return term.estimatorName();
  }

  @Override
  public List<Parameter<?>> parameters() {
    return EtranTermEstimator.parameters(term);
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new EtranTermEstimator(term, parameters);
  }

  /** {@code etran-lda}. */
  public static final class Lda extends EtranTermEstimatorProvider {
    /** Creates the provider. */
    public Lda() {
      super(EtranTermEstimator.Term.LDA);
    }

    @Override
    public String description() {
      return "ETran's LDA term alone: mean true-class probability of the identity-covariance"
          + " Gaussian classifier (Gholami et al., ICCV 2023)";
    }
  }

  /** {@code etran-energy}. */
  public static final class Energy extends EtranTermEstimatorProvider {
    /** Creates the provider. */
    public Energy() {
      super(EtranTermEstimator.Term.ENERGY);
    }

    @Override
    public String description() {
      return "ETran's energy term alone: mean log-sum-exp of the features over the 0.5 % of"
          + " samples lowest in it (Gholami et al., ICCV 2023)";
    }
  }
}
