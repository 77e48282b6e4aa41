package id.kinerja.deployment;

import id.kinerja.engine.Engine.DefinitionKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** The processes/ and forms/ folders: the source of truth a process owner edits. */
@Component
public class ResourceFolders {

  /** Plain file names only: an upload can never write outside the two folders. */
  static final Pattern SAFE_NAME =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.(bpmn|dmn|form)");

  private final ResourceProperties properties;

  ResourceFolders(ResourceProperties properties) {
    this.properties = properties;
  }

  /** Every resource in both folders, forms first, then decisions, then processes. */
  public List<ProcessResource> scan() {
    var resources = new ArrayList<ProcessResource>();
    for (Path dir : List.of(properties.processesDir(), properties.formsDir())) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        files
            .filter(Files::isRegularFile)
            .filter(f -> ProcessResource.kindOf(f.getFileName().toString()).isPresent())
            .forEach(f -> resources.add(ProcessResource.of(f.getFileName().toString(), read(f))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    resources.sort(
        Comparator.comparing((ProcessResource r) -> order(r.kind()))
            .thenComparing(ProcessResource::name));
    return resources;
  }

  /** Writes an uploaded resource where the folder watcher would have found it. */
  public void write(ProcessResource resource) {
    if (!SAFE_NAME.matcher(resource.name()).matches()) {
      throw new IllegalArgumentException("Unsafe file name: " + resource.name());
    }
    Path dir =
        resource.kind() == DefinitionKind.FORM ? properties.formsDir() : properties.processesDir();
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".upload", ".tmp");
      Files.write(temp, resource.content());
      // atomic so that the watcher never reads half a file
      Files.move(
          temp,
          dir.resolve(resource.name()),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int order(DefinitionKind kind) {
    return switch (kind) {
      case FORM -> 0;
      case DMN -> 1;
      case BPMN -> 2;
    };
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
