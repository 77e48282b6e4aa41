package id.kinerja.document;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Verification codes printed on documents: 16 random characters of Crockford's base 32 (80 bits,
 * not to be guessed) and a check character (Luhn mod 32), so that a mistyped or altered code is
 * told apart from one that was never issued. Shown in groups of four; read back ignoring case,
 * spaces and dashes, with O read as 0 and I or L as 1.
 */
final class VerificationCodes {

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int RANDOM_LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private VerificationCodes() {}

  /** How a code read from a person or a link looks to us. */
  enum Form {
    /** well formed, check character right: look it up */
    VALID,
    /** well formed but the check character does not match: changed or mistyped */
    ALTERED,
    /** not a code at all */
    MALFORMED
  }

  static String generate() {
    var code = new StringBuilder();
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.append(checkCharacter(code)).toString();
  }

  /** The code without separators, upper case, with the look-alike letters read as digits. */
  static Optional<String> normalise(String input) {
    if (input == null) {
      return Optional.empty();
    }
    String code =
        input
            .replaceAll("[\\s-]", "")
            .toUpperCase(Locale.ROOT)
            .replace('O', '0')
            .replace('I', '1')
            .replace('L', '1');
    if (code.length() != RANDOM_LENGTH + 1
        || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      return Optional.empty();
    }
    return Optional.of(code);
  }

  static Form form(String input) {
    return normalise(input)
        .map(
            code ->
                checkCharacter(code.substring(0, RANDOM_LENGTH)) == code.charAt(RANDOM_LENGTH)
                    ? Form.VALID
                    : Form.ALTERED)
        .orElse(Form.MALFORMED);
  }

  /** The code as printed: groups of four separated by dashes. */
  static String display(String code) {
    return String.join("-", code.split("(?<=\\G.{4})"));
  }

  /** Luhn mod N over the alphabet: catches every single changed character. */
  private static char checkCharacter(CharSequence payload) {
    int n = ALPHABET.length();
    int factor = 2;
    int sum = 0;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int addend = factor * ALPHABET.indexOf(payload.charAt(i));
      factor = factor == 2 ? 1 : 2;
      sum += addend / n + addend % n;
    }
    return ALPHABET.charAt((n - sum % n) % n);
  }
}
