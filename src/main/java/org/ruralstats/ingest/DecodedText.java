package org.ruralstats.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A landing file decoded to text: UTF-8 (with or without a byte-order mark) or, failing that,
 * GB18030. Decoding is strict: a file that is valid in neither is rejected as a whole.
 *
 * @param text the decoded text, without a byte-order mark
 * @param encoding {@code UTF-8}, {@code UTF-8 (BOM)} or {@code GB18030}
 */
public record DecodedText(String text, String encoding) {

  private static final Charset GB18030 = Charset.forName("GB18030");

  /**
   * Decodes file content.
   *
   * @throws FieldFault with {@link RejectCode#BAD_ENCODING} when the bytes are neither
   */
  public static DecodedText decode(byte[] bytes) throws FieldFault {
    boolean bom =
        bytes.length >= 3
            && (bytes[0] & 0xff) == 0xEF
            && (bytes[1] & 0xff) == 0xBB
            && (bytes[2] & 0xff) == 0xBF;
    if (bom) {
      String text = strict(StandardCharsets.UTF_8, bytes, 3);
      if (text == null) {
        throw fault(true);
      }
      return new DecodedText(text, "UTF-8 (BOM)");
    }
    String text = strict(StandardCharsets.UTF_8, bytes, 0);
    if (text != null) {
      return new DecodedText(text, "UTF-8");
    }
    text = strict(GB18030, bytes, 0);
    if (text != null) {
      return new DecodedText(text, "GB18030");
    }
    throw fault(false);
  }

  /** Why a file valid in neither encoding is rejected ({@code bom}: it starts with a UTF-8 BOM). */
  static FieldFault fault(boolean bom) {
    return bom
        ? new FieldFault(
            RejectCode.BAD_ENCODING,
            "the file starts with a UTF-8 byte-order mark but is not valid UTF-8; save it again"
                + " as UTF-8 or GB18030")
        : new FieldFault(
            RejectCode.BAD_ENCODING,
            "the file is neither valid UTF-8 nor valid GB18030; save it again as CSV in UTF-8 or"
                + " GB18030");
  }

  /**
   * Bytes of a file already found valid in {@code encoding} ({@link FileScan}), decoded; cut at a
   * line feed, so no character is split. A byte-order mark must not be among them.
   */
  static String text(byte[] bytes, String encoding) {
    return new String(bytes, encoding.startsWith("UTF-8") ? StandardCharsets.UTF_8 : GB18030);
  }

  private static String strict(Charset cs, byte[] bytes, int offset) {
    try {
      CharBuffer chars =
          cs.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
