package id.kinerja.deployment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
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
                        arguments(p),
                        p.code() + ": " + p.detail(),
                        locale)))
        .toList();
  }

  /** The file, the element and the detail; then the detail's parts ("a|b|c") as {3}, {4}, ... */
  private static Object[] arguments(Problem p) {
    return Stream.concat(
            Stream.of(p.resource(), p.element(), p.detail()),
            Arrays.stream(p.detail().split("\\|", -1)).map(part -> part.isEmpty() ? "-" : part))
        .toArray();
  }
}
