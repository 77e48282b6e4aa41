package id.kinerja.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Clients are told apart without keeping their address: a hash of it. */
public final class Clients {

  private Clients() {}

  public static String hash(String remoteAddress) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("kinerja:" + remoteAddress).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
