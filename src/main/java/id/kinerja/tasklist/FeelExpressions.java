package id.kinerja.tasklist;

import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.springframework.stereotype.Component;

/**
 * FEEL expressions of forms (conditions, readonly flags, options), evaluated on the server with the
 * FEEL engine Zeebe uses, so the server hides and locks the same fields the browser does.
 */
@Component
class FeelExpressions {

  private final FeelEngineApi engine = FeelEngineBuilder.forJava().build();

  /** Whether the value is an expression (form-js writes them with a leading "="). */
  static boolean isExpression(Object value) {
    return value instanceof String s && s.startsWith("=");
  }

  /**
   * True only when the expression evaluates to true, as form-js treats a condition: a broken
   * expression or a null result leaves the field shown and editable.
   */
  boolean isTrue(String expression, Map<String, Object> context) {
    return Boolean.TRUE.equals(evaluate(expression, context));
  }

  /** The expression's value, or null when it cannot be evaluated. */
  Object evaluate(String expression, Map<String, Object> context) {
    if (!isExpression(expression)) {
      return null;
    }
    EvaluationResult result = engine.evaluateExpression(expression.substring(1), context);
    return result.isSuccess() ? result.result() : null;
  }
}
