package org.logme.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logme.api.InvalidInputException;

/**
 * Parses the Python dictionary literal of an {@code .npy} header, e.g.
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }}. Only the literals
 * NumPy writes are accepted: strings, True/False, integers and tuples of integers.
 */
final class HeaderParser {
  private final String text;
  private final String origin;
  private int pos;

  private HeaderParser(String text, String origin) {
    this.text = text;
    this.origin = origin;
  }

  static Map<String, Object> parse(String text, String origin) {
    HeaderParser parser = new HeaderParser(text, origin);
    Map<String, Object> dict = parser.dict();
    parser.skipSpace();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected text after the dictionary");
    }
    return dict;
  }

  private Map<String, Object> dict() {
    expect('{');
    Map<String, Object> out = new LinkedHashMap<>();
    while (true) {
      skipSpace();
      if (peek() == '}') {
        pos++;
        return out;
      }
      Object key = value();
      if (!(key instanceof String name)) {
        throw error("a key is not a string");
      }
      skipSpace();
      expect(':');
      out.put(name, value());
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else if (peek() != '}') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private Object value() {
    skipSpace();
    char c = peek();
    if (c == '\'' || c == '"') {
      return string(c);
    }
    if (c == '(') {
      return tuple();
    }
    if (c == '[') {
      throw new InvalidInputException(origin + ": the array has a structured dtype (a record"
          + " with named fields); save a plain numeric array instead");
    }
    if (text.startsWith("True", pos)) {
      pos += 4;
      return Boolean.TRUE;
    }
    if (text.startsWith("False", pos)) {
      pos += 5;
      return Boolean.FALSE;
    }
    if (c == '-' || Character.isDigit(c)) {
      return integer();
    }
    throw error("unexpected character '" + c + "'");
  }

  private String string(char quote) {
    int start = ++pos;
    while (pos < text.length() && text.charAt(pos) != quote) {
      pos++;
    }
    if (pos >= text.length()) {
      throw error("unterminated string");
    }
    return text.substring(start, pos++);
  }

  private List<Long> tuple() {
    expect('(');
    List<Long> items = new ArrayList<>();
    while (true) {
      skipSpace();
      if (peek() == ')') {
        pos++;
        return items;
      }
      // only integers: parsing items with value() would recurse on nested tuples, and a
      // hostile header of a million '(' would overflow the stack
      char c = peek();
      if (c != '-' && !Character.isDigit(c)) {
        throw error("the shape holds a value that is not an integer");
      }
      items.add(integer());
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else if (peek() != ')') {
        throw error("expected ',' or ')'");
      }
    }
  }

  private Long integer() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digits = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos == digits) {
      throw error("expected a number");
    }
    if (pos < text.length() && text.charAt(pos) == 'L') {
      pos++; // Python 2 long suffix
      return parseLong(text.substring(start, pos - 1));
    }
    return parseLong(text.substring(start, pos));
  }

  private Long parseLong(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw error("the number '" + digits + "' is out of range");
    }
  }

  private void expect(char c) {
    skipSpace();
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error("the header ends early");
    }
    return text.charAt(pos);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private InvalidInputException error(String what) {
    return new InvalidInputException(origin + ": malformed .npy header (" + what + " at character "
        + pos + "); the file is corrupt or was not written by numpy.save");
  }
}
