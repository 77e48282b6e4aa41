package id.kinerja.notification;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local SMTP server (GreenMail) for the embedded default, so {@code ./kinerja run} needs no mail
 * server and the admin page can show every message received. Listens on 127.0.0.1 only.
 *
 * <p>Like a real mail server it refuses recipients it cannot deliver to: addresses in the reserved
 * {@code .invalid} top-level domain (RFC 2606) get {@code 550 5.1.1}, so the dead-letter path can
 * be tried locally.
 */
public class EmbeddedMailServer {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

  /** One received message as the admin page shows it. */
  public record ReceivedMessage(
      String messageId,
      String from,
      List<String> to,
      String subject,
      Instant date,
      String text,
      String html) {}

  private final int port;
  private GreenMail greenMail;

  public EmbeddedMailServer(int port) {
    this.port = port;
  }

  public synchronized void start() {
    if (greenMail != null && greenMail.isRunning()) {
      return;
    }
    greenMail =
        new RejectingGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    log.info("Embedded SMTP server listening on 127.0.0.1:{}", port);
  }

  /** Stops accepting mail; received messages are forgotten. */
  public synchronized void stop() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  public int port() {
    return port;
  }

  public synchronized boolean isRunning() {
    return greenMail != null && greenMail.isRunning();
  }

  /** Every message received since start, oldest first. */
  public synchronized List<ReceivedMessage> received() {
    if (greenMail == null) {
      return List.of();
    }
    List<ReceivedMessage> messages = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      messages.add(describe(message));
    }
    return messages;
  }

  private static ReceivedMessage describe(MimeMessage message) {
    try {
      var bodies = new String[2];
      collect(message, bodies);
      return new ReceivedMessage(
          message.getMessageID(),
          addresses(message.getFrom()).stream().findFirst().orElse(null),
          addresses(message.getRecipients(Message.RecipientType.TO)),
          message.getSubject(),
          message.getSentDate() == null ? null : message.getSentDate().toInstant(),
          bodies[0],
          bodies[1]);
    } catch (MessagingException | IOException e) {
      return new ReceivedMessage(
          null,
          null,
          List.of(),
          "(unreadable: " + e.getMessage() + ")",
          null,
          GreenMailUtil.getWholeMessage(message),
          null);
    }
  }

  /** Finds the text/plain (index 0) and text/html (index 1) parts. */
  private static void collect(Part part, String[] bodies) throws MessagingException, IOException {
    if (part.isMimeType("text/plain") && bodies[0] == null) {
      bodies[0] = (String) part.getContent();
    } else if (part.isMimeType("text/html") && bodies[1] == null) {
      bodies[1] = (String) part.getContent();
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, bodies);
      }
    }
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
  }

  /** GreenMail whose SMTP manager refuses recipients in the .invalid domain. */
  private static final class RejectingGreenMail extends GreenMail {

    RejectingGreenMail(ServerSetup setup) {
      super(setup);
      this.managers = new RejectingManagers();
    }
  }

  private static final class RejectingManagers extends Managers {

    private SmtpManager smtpManager;

    @Override
    public synchronized SmtpManager getSmtpManager() {
      if (smtpManager == null) {
        smtpManager =
            new SmtpManager(getImapHostManager(), getUserManager()) {
              @Override
              public String checkRecipient(SmtpState state, MailAddress rcpt) {
                String host = rcpt.getHost() == null ? "" : rcpt.getHost().toLowerCase(Locale.ROOT);
                if (host.equals("invalid") || host.endsWith(".invalid")) {
                  return "550 5.1.1 <"
                      + rcpt.getEmail()
                      + ">: Recipient address rejected: "
                      + "domain does not exist";
                }
                return super.checkRecipient(state, rcpt);
              }
            };
      }
      return smtpManager;
    }
  }
}
