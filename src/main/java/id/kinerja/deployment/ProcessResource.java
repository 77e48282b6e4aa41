package id.kinerja.deployment;

import id.kinerja.engine.Engine.DefinitionKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** A BPMN, DMN or form file as a process owner wrote it. */
public record ProcessResource(String name, DefinitionKind kind, byte[] content, String checksum) {

  public static ProcessResource of(String name, byte[] content) {
    DefinitionKind kind =
        kindOf(name)
            .orElseThrow(
                () -> new IllegalArgumentException("Not a .bpmn, .dmn or .form file: " + name));
    return new ProcessResource(name, kind, content, sha256(content));
  }

  public static Optional<DefinitionKind> kindOf(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".bpmn")) {
      return Optional.of(DefinitionKind.BPMN);
    } else if (lower.endsWith(".dmn")) {
      return Optional.of(DefinitionKind.DMN);
    } else if (lower.endsWith(".form")) {
      return Optional.of(DefinitionKind.FORM);
    }
    return Optional.empty();
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
