package id.kinerja.sandbox;

import java.lang.reflect.Field;

/**
 * The fields of zeebe-process-test's engine that the sandbox replaces before the engine starts (its
 * log's collections, its state store): the library offers no way to configure them.
 */
final class EngineFields {

  private EngineFields() {}

  static Object get(Object owner, String name) throws ReflectiveOperationException {
    return accessible(owner, name).get(owner);
  }

  static void set(Object owner, String name, Object value) throws ReflectiveOperationException {
    accessible(owner, name).set(owner, value);
  }

  private static Field accessible(Object owner, String name) throws NoSuchFieldException {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }
}
