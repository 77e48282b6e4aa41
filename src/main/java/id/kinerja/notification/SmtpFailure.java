package id.kinerja.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Why a send failed and whether trying again can help. SMTP 5xx replies (unknown mailbox, invalid
 * address, message refused) are permanent; 4xx replies, refused connections and timeouts are
 * transient.
 */
record SmtpFailure(boolean permanent, String reason) {

  static SmtpFailure of(Exception failure) {
    if (failure instanceof MailParseException || failure instanceof MailPreparationException) {
      return new SmtpFailure(true, describe(failure));
    }
    Set<Throwable> seen = new HashSet<>();
    SmtpFailure smtp = search(failure, seen);
    return smtp != null ? smtp : new SmtpFailure(false, describe(failure));
  }

  private static SmtpFailure search(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return null;
    }
    int code = -1;
    if (t instanceof SMTPAddressFailedException e) {
      code = e.getReturnCode();
    } else if (t instanceof SMTPSenderFailedException e) {
      code = e.getReturnCode();
    } else if (t instanceof SMTPSendFailedException e) {
      code = e.getReturnCode();
    } else if (t instanceof AddressException) {
      return new SmtpFailure(true, "Invalid address: " + t.getMessage());
    }
    if (code >= 500) {
      return new SmtpFailure(true, t.getMessage().strip());
    }
    if (code >= 400) {
      return new SmtpFailure(false, t.getMessage().strip());
    }
    if (t instanceof MailSendException e) {
      for (Exception nested : e.getFailedMessages().values()) {
        SmtpFailure found = search(nested, seen);
        if (found != null) {
          return found;
        }
      }
    }
    if (t instanceof MessagingException e) {
      SmtpFailure found = search(e.getNextException(), seen);
      if (found != null) {
        return found;
      }
    }
    return search(t.getCause(), seen);
  }

  private static String describe(Exception failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = failure.getMessage();
    if (failure instanceof MailException && root != failure && root.getMessage() != null) {
      message = message + " (" + root.getMessage() + ")";
    }
    return message == null ? failure.getClass().getSimpleName() : message.strip();
  }
}
