package org.logme.cli.demo;

import java.util.List;
import java.util.function.BiFunction;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.stats.Pca;

/**
 * The demo's "model zoo": fixed, deterministic feature extractors for 8×8 digit images, from
 * weak (a few global statistics) to strong (pooled pixels with their pairwise products). None
 * is trained on the labels; they stand in for pre-trained models whose features differ in how
 * well they suit the task.
 *
 * @since 0.1
 */
public final class FeatureExtractors {
  private static final int S = DigitsData.SIDE;

  private FeatureExtractors() {
  }

  /**
   * One extractor.
   *
   * @param name short name
   * @param description what the features are
   * @param extract maps images (N×64) to features, using a backend where it needs algebra
   */
  public record Extractor(String name, String description,
      BiFunction<Matrix, LinearAlgebraBackend, Matrix> extract) {
  }

  /** @return every extractor of the zoo */
  public static List<Extractor> all() {
    return List.of(
        new Extractor("pixels", "the 64 raw pixel intensities", (x, b) -> scaled(x, 1.0 / 16)),
        new Extractor("pooled-4x4", "2x2 average pooling to 4x4 (16 values)",
            (x, b) -> pooled(x, 2)),
        new Extractor("pooled-4x4+products", "2x2 pooling plus all pairwise products (152)",
            (x, b) -> withProducts(pooled(x, 2))),
        new Extractor("pooled-2x2", "4x4 average pooling to 2x2 (4 values)",
            (x, b) -> pooled(x, 4)),
        new Extractor("row-column-profiles", "ink per row and per column (16 values)",
            (x, b) -> profiles(x)),
        new Extractor("gradient-histograms", "8-bin gradient orientation histograms in 4 cells"
            + " (32 values)", (x, b) -> gradientHistograms(x)),
        new Extractor("pca-8", "the top 8 principal components of the pixels",
            FeatureExtractors::principalComponents),
        new Extractor("centre-crop", "the central 4x4 pixels (16 values)", (x, b) -> centre(x)),
        new Extractor("ink-moments", "total ink, centroid and second moments (6 values)",
            (x, b) -> moments(x)));
  }

  private static double pixel(Matrix x, int image, int row, int col) {
    return x.get(image, row * S + col) / 16.0;
  }

  private static Matrix scaled(Matrix x, double factor) {
    Matrix out = x.copy();
    for (int i = 0; i < out.data().length; i++) {
      out.data()[i] *= factor;
    }
    return out;
  }

  private static Matrix pooled(Matrix x, int block) {
    int side = S / block;
    Matrix out = Matrix.zeros(x.rows(), side * side);
    for (int i = 0; i < x.rows(); i++) {
      for (int r = 0; r < S; r++) {
        for (int c = 0; c < S; c++) {
          int cell = (r / block) * side + c / block;
          out.set(i, cell, out.get(i, cell) + pixel(x, i, r, c) / (block * block));
        }
      }
    }
    return out;
  }

  private static Matrix withProducts(Matrix f) {
    int d = f.cols();
    Matrix out = Matrix.zeros(f.rows(), d + d * (d + 1) / 2);
    for (int i = 0; i < f.rows(); i++) {
      int k = 0;
      for (int j = 0; j < d; j++) {
        out.set(i, k++, f.get(i, j));
      }
      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) {
          out.set(i, k++, f.get(i, a) * f.get(i, b));
        }
      }
    }
    return out;
  }

  private static Matrix profiles(Matrix x) {
    Matrix out = Matrix.zeros(x.rows(), 2 * S);
    for (int i = 0; i < x.rows(); i++) {
      for (int r = 0; r < S; r++) {
        for (int c = 0; c < S; c++) {
          double p = pixel(x, i, r, c);
          out.set(i, r, out.get(i, r) + p);
          out.set(i, S + c, out.get(i, S + c) + p);
        }
      }
    }
    return out;
  }

  private static Matrix gradientHistograms(Matrix x) {
    int bins = 8;
    Matrix out = Matrix.zeros(x.rows(), 4 * bins);
    for (int i = 0; i < x.rows(); i++) {
      for (int r = 0; r < S; r++) {
        for (int c = 0; c < S; c++) {
          double gx = pixel(x, i, r, Math.min(c + 1, S - 1)) - pixel(x, i, r, Math.max(c - 1, 0));
          double gy = pixel(x, i, Math.min(r + 1, S - 1), c) - pixel(x, i, Math.max(r - 1, 0), c);
          double magnitude = Math.hypot(gx, gy);
          if (magnitude == 0) {
            continue;
          }
          double angle = Math.atan2(gy, gx) + Math.PI; // 0..2π
          int bin = Math.min(bins - 1, (int) (angle / (2 * Math.PI) * bins));
          int cell = (r / 4) * 2 + c / 4;
          out.set(i, cell * bins + bin, out.get(i, cell * bins + bin) + magnitude);
        }
      }
    }
    return out;
  }

  private static Matrix principalComponents(Matrix x, LinearAlgebraBackend backend) {
    return Pca.fit(scaled(x, 1.0 / 16), backend).scores(8, backend);
  }

  private static Matrix centre(Matrix x) {
    Matrix out = Matrix.zeros(x.rows(), 16);
    for (int i = 0; i < x.rows(); i++) {
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
          out.set(i, r * 4 + c, pixel(x, i, r + 2, c + 2));
        }
      }
    }
    return out;
  }

  private static Matrix moments(Matrix x) {
    Matrix out = Matrix.zeros(x.rows(), 6);
    for (int i = 0; i < x.rows(); i++) {
      double mass = 0;
      double sr = 0;
      double sc = 0;
      for (int r = 0; r < S; r++) {
        for (int c = 0; c < S; c++) {
          double p = pixel(x, i, r, c);
          mass += p;
          sr += p * r;
          sc += p * c;
        }
      }
      double mr = sr / mass;
      double mc = sc / mass;
      double rr = 0;
      double cc = 0;
      double rc = 0;
      for (int r = 0; r < S; r++) {
        for (int c = 0; c < S; c++) {
          double p = pixel(x, i, r, c);
          rr += p * (r - mr) * (r - mr);
          cc += p * (c - mc) * (c - mc);
          rc += p * (r - mr) * (c - mc);
        }
      }
      double[] row = {mass, mr, mc, rr / mass, cc / mass, rc / mass};
      for (int j = 0; j < 6; j++) {
        out.set(i, j, row[j]);
      }
    }
    return out;
  }
}
