package id.kinerja.deployment;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Variables that steer a process: who its tasks go to, whom it is about, which year, which record,
 * who completed a step. People set them through the application's own actions, never through a
 * form: a submission naming one is refused, and so is a form that declares one.
 */
public final class SteeringVariables {

  private static final Set<String> NAMES =
      Set.of(
          "completedBy", "periodYear", "period", "assignee", "candidateGroups", "candidateUsers");
  private static final Pattern NAMED =
      Pattern.compile(".+(Username|Usernames|Nip|Id|Key)$", Pattern.DOTALL);
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");
  private static final Pattern ROOT_NAME =
      Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)(?!\\s*\\()");
  private static final Set<String> FEEL_WORDS =
      Set.of(
          "if",
          "then",
          "else",
          "for",
          "in",
          "return",
          "some",
          "every",
          "satisfies",
          "and",
          "or",
          "not",
          "null",
          "true",
          "false",
          "between",
          "instance",
          "of",
          "function");

  private SteeringVariables() {}

  /** Names that steer any process: ids, keys, user names, NIPs, the period, completedBy. */
  public static boolean isSteering(String name) {
    return NAMES.contains(name) || NAMED.matcher(name).matches();
  }

  /**
   * The variables a process reads to route itself: in assignments, schedules, called processes,
   * message correlation and the element variable of multi-instance steps.
   */
  public static Set<String> of(BpmnModelInstance model) {
    var names = new TreeSet<String>();
    Stream<String> expressions =
        Stream.of(
                model.getModelElementsByType(ZeebeAssignmentDefinition.class).stream()
                    .flatMap(
                        a ->
                            Stream.of(
                                a.getAssignee(), a.getCandidateGroups(), a.getCandidateUsers())),
                model.getModelElementsByType(ZeebeTaskSchedule.class).stream()
                    .flatMap(s -> Stream.of(s.getDueDate(), s.getFollowUpDate())),
                model.getModelElementsByType(ZeebeCalledElement.class).stream()
                    .map(ZeebeCalledElement::getProcessId),
                model.getModelElementsByType(ZeebeSubscription.class).stream()
                    .map(ZeebeSubscription::getCorrelationKey))
            .flatMap(s -> s);
    expressions.forEach(e -> names.addAll(rootNames(e)));
    for (ZeebeLoopCharacteristics loop :
        model.getModelElementsByType(ZeebeLoopCharacteristics.class)) {
      Stream.of(loop.getInputElement(), loop.getOutputElement())
          .filter(n -> n != null && !n.isBlank())
          .forEach(names::add);
    }
    return names;
  }

  /** The variables an expression starts from ({@code =evaluation.raterUsername}: evaluation). */
  static Set<String> rootNames(String expression) {
    var names = new TreeSet<String>();
    if (expression == null || !expression.startsWith("=")) {
      return names;
    }
    Matcher matcher =
        ROOT_NAME.matcher(STRING_LITERAL.matcher(expression.substring(1)).replaceAll("\"\""));
    while (matcher.find()) {
      if (!FEEL_WORDS.contains(matcher.group(1))) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }
}
