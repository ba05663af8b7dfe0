package org.logme.models.text;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * Counts a model's parameters from its ONNX file: the sum, over the graph's initializers, of the
 * product of each tensor's dimensions. Integer index tensors (int64, such as the
 * {@code position_ids} an export may keep) are not parameters and are skipped; quantised weights
 * (int8/uint8) are counted like float ones, so a quantised model reports close to the count of
 * the model it was made from (within 0.5% for the bundled ones: 22,606,854 against 22,713,216
 * for all-MiniLM-L6-v2).
 *
 * <p>The file is read as protocol-buffer wire format (ONNX {@code onnx.proto3}): ModelProto
 * field 7 is the GraphProto, GraphProto field 5 the repeated initializer TensorProto, whose
 * field 1 holds the dimensions and field 2 the element type. Weight bytes are skipped, not read.
 *
 * <p>Checked against the published counts: all-MiniLM-L6-v2 gives 22,713,216, the figure of
 * its model card; the BERT exports of bge and e5 give their published counts less the pooler
 * layer (D² + D), which sentence embeddings do not use and the ONNX exports drop.
 *
 * @since 0.2
 */
final class OnnxParameterCount {
  private static final int MODEL_GRAPH = 7;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int TENSOR_DIMS = 1;
  private static final int TENSOR_DATA_TYPE = 2;
  /** {@code TensorProto.DataType.INT64}. */
  private static final long INT64 = 7;

  private OnnxParameterCount() {
  }

  /**
   * @param model the bytes of an ONNX file
   * @return the parameter count, or empty if the bytes are not a well-formed ONNX model with
   *     initializers
   */
  static OptionalLong of(byte[] model) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(model);
      long[] total = {0, 0};
      forEachField(buffer, 0, model.length, (field, start, end) -> {
        if (field == MODEL_GRAPH) {
          forEachField(buffer, start, end, (graphField, s, e) -> {
            if (graphField == GRAPH_INITIALIZER) {
              long elements = elements(buffer, s, e);
              if (elements >= 0) {
                total[0] += elements;
                total[1]++;
              }
            }
          });
        }
      });
      return total[1] == 0 ? OptionalLong.empty() : OptionalLong.of(total[0]);
    } catch (BufferUnderflowException | IllegalArgumentException | IllegalStateException e) {
      return OptionalLong.empty();
    }
  }

  /** Visits the length-delimited fields of a message in {@code [from, to)}. */
  private interface FieldVisitor {
    void visit(int field, int start, int end);
  }

  private static void forEachField(ByteBuffer b, int from, int to, FieldVisitor visitor) {
    b.position(from);
    while (b.position() < to) {
      long key = varint(b);
      int field = (int) (key >>> 3);
      int wire = (int) (key & 7);
      if (wire == 2) {
        int length = length(b, to);
        int start = b.position();
        visitor.visit(field, start, start + length);
        b.position(start + length);
      } else {
        skip(b, wire);
      }
    }
  }

  /** @return the element count of a TensorProto, or -1 for an int64 tensor */
  private static long elements(ByteBuffer b, int from, int to) {
    b.position(from);
    long elements = 1;
    long type = 0;
    while (b.position() < to) {
      long key = varint(b);
      int field = (int) (key >>> 3);
      int wire = (int) (key & 7);
      if (field == TENSOR_DIMS && wire == 0) {
        elements *= varint(b);
      } else if (field == TENSOR_DIMS && wire == 2) { // packed dimensions
        int end = length(b, to) + b.position();
        while (b.position() < end) {
          elements *= varint(b);
        }
      } else if (field == TENSOR_DATA_TYPE && wire == 0) {
        type = varint(b);
      } else if (wire == 2) {
        b.position(length(b, to) + b.position());
      } else {
        skip(b, wire);
      }
    }
    return type == INT64 ? -1 : elements;
  }

  private static int length(ByteBuffer b, int limit) {
    long length = varint(b);
    if (length < 0 || b.position() + length > limit) {
      throw new IllegalStateException("field runs past its message");
    }
    return (int) length;
  }

  private static long varint(ByteBuffer b) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int x = b.get() & 0xff;
      value |= (long) (x & 0x7f) << shift;
      if (x < 0x80) {
        return value;
      }
    }
    throw new IllegalStateException("varint longer than 10 bytes");
  }

  private static void skip(ByteBuffer b, int wire) {
    switch (wire) {
      case 0 -> varint(b);
      case 1 -> b.position(b.position() + 8);
      case 5 -> b.position(b.position() + 4);
      default -> throw new IllegalStateException("unsupported wire type " + wire);
    }
  }
}
