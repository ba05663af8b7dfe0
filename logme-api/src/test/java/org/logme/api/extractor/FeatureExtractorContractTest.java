package org.logme.api.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.logme.api.InvalidInputException;

/**
 * The contract every {@link FeatureExtractor} must meet. An extractor module runs it by
 * subclassing: {@link #provider()} and {@link #argument()} name the extractor under test (opened
 * once per class, since loading a model is slow) and {@link #items()} gives a few items of its
 * modality.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FeatureExtractorContractTest {
  private FeatureExtractor extractor;

  /** @return the provider of the extractor under test */
  protected abstract FeatureExtractorProvider provider();

  /** @return the argument to open it with ({@code ""} for none) */
  protected String argument() {
    return "";
  }

  private FeatureExtractor open(int threads) {
    return provider().open(argument(), threads);
  }

  /** @return at least five distinct items of the extractor's modality, some of them long */
  protected abstract List<String> items();

  @BeforeAll
  void load() {
    extractor = open(2);
  }

  @AfterAll
  void release() {
    if (extractor != null) {
      extractor.close();
    }
  }

  @Test
  void describesItself() {
    ExtractorInfo info = extractor.info();
    assertThat(info.name()).isNotBlank();
    assertThat(info.version()).isNotBlank();
    assertThat(info.source()).isNotBlank();
    assertThat(info.dimension()).isPositive();
    assertThat(info.modality()).isEqualTo(provider().modality());
    // a cache keys on the provider's version without loading: it must be the loaded one's
    assertThat(provider().version(argument())).isEqualTo(info.version());
    assertThat(info.name()).isEqualTo(provider().argument().isPresent()
        ? provider().name() + ":" + argument() : provider().name());
  }

  @Test
  void oneFiniteRowOfTheStatedDimensionPerItemInOrder() {
    float[][] rows = extractor.extract(items());
    assertThat(rows.length).isEqualTo(items().size());
    for (float[] row : rows) {
      assertThat(row).hasSize(extractor.info().dimension());
      for (float v : row) {
        assertThat(Float.isFinite(v)).isTrue();
      }
    }
    // distinct items give distinct rows (a constant extractor would pass everything else)
    assertThat(rows[0]).isNotEqualTo(rows[1]);
  }

  @Test
  void deterministic() {
    assertThat(extractor.extract(items())).isDeepEqualTo(extractor.extract(items()));
  }

  @Test
  void aRowDoesNotDependOnItsBatch() {
    float[][] batch = extractor.extract(items());
    List<String> reversed = new ArrayList<>(items());
    java.util.Collections.reverse(reversed);
    float[][] backwards = extractor.extract(reversed);
    for (int i = 0; i < items().size(); i++) {
      float[] alone = extractor.extract(List.of(items().get(i)))[0];
      for (int j = 0; j < alone.length; j++) {
        assertThat((double) batch[i][j]).isCloseTo(alone[j],
            org.assertj.core.api.Assertions.within(1e-6));
        assertThat((double) backwards[items().size() - 1 - i][j]).isCloseTo(alone[j],
            org.assertj.core.api.Assertions.within(1e-6));
      }
    }
  }

  @Test
  void anEmptyBatchGivesNoRows() {
    assertThat(extractor.extract(List.of()).length).isZero();
  }

  @Test
  void aBlankItemIsBadInputNamingItsPosition() {
    List<String> withBlank = new ArrayList<>(items());
    withBlank.add(2, "  ");
    assertThatThrownBy(() -> extractor.extract(withBlank))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("item 3");
  }

  @Test
  void closedExtractorsRefuseWork() {
    FeatureExtractor second = open(1);
    float[][] before = second.extract(items().subList(0, 2));
    assertThat(before).isDeepEqualTo(extractor.extract(items().subList(0, 2)));
    second.close();
    second.close(); // closing twice is harmless
    assertThatThrownBy(() -> second.extract(items().subList(0, 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }
}
