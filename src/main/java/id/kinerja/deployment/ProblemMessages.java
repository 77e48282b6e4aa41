package id.kinerja.deployment;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns deployment problems into sentences in the reader's language. */
@Component
public class ProblemMessages {

  private final MessageSource messages;

  ProblemMessages(MessageSource messages) {
    this.messages = messages;
  }

  public record Message(String resource, String element, String code, String message) {}

  public List<Message> describe(List<Problem> problems, Locale locale) {
    return problems.stream()
        .map(
            p ->
                new Message(
                    p.resource(),
                    p.element(),
                    p.code(),
                    messages.getMessage(
                        "deployment.problem." + p.code(),
                        new Object[] {p.resource(), p.element(), p.detail()},
                        p.code() + ": " + p.detail(),
                        locale)))
        .toList();
  }
}
