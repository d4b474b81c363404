package org.ruralstats.notebooks.kernel;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.ruralstats.notebooks.Redact;

/**
 * A Jupyter kernel whose cells are Java (JShell) run in this JVM, with this JVM's class path (the
 * project's jar and its runtime class path, set by {@code notebooks/setup.sh} in the kernel spec).
 * A cell's last expression is shown as its result: a {@link DisplayData} as it is (HTML, SVG), any
 * other value as text. Every text result has ID-shaped values hidden ({@link Redact}).
 */
public final class JShellKernel extends BaseKernel {
  private final JShell shell;
  private final ResultCapture control;

  /** A kernel with a fresh JShell whose class path is this JVM's. */
  public JShellKernel() {
    this(new ResultCapture());
  }

  private JShellKernel(ResultCapture control) {
    super(
        "rural-stats-java",
        "0.1.0",
        new LanguageInfo.Builder("java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".jshell")
            .pygments("java")
            .codemirror("text/x-java")
            .build(),
        List.of(),
        null,
        new JupyterIO(StandardCharsets.UTF_8),
        new CommManager(),
        new Renderer(),
        null,
        new MagicsRegistry(),
        false,
        new StringStyler.Builder()
            .addPrimaryStyle(TextColor.BOLD_RESET_FG)
            .addSecondaryStyle(TextColor.BOLD_RED_FG)
            .addHighlightStyle(TextColor.BOLD_RESET_FG)
            .addHighlightStyle(TextColor.RED_BG)
            .withLinePrefix(TextColor.BOLD_RESET_FG + "|   ")
            .build());
    this.control = control;
    this.shell =
        JShell.builder()
            .executionEngine(ResultCapture.provider(control), Map.of())
            .compilerOptions("--release", "17")
            .build();
    shell.addToClasspath(System.getProperty("java.class.path"));
  }

  /**
   * Runs every complete snippet of {@code source} in order; returns the value of the last one that
   * is an expression (or a variable shown on its own), else null. Throws on the first snippet that
   * does not compile or throws.
   */
  @Override
  public Object evalRaw(String source) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(source);
    Object last = null;
    while (info.completeness().isComplete()) {
      last = evalSnippet(info.source());
      info = analysis.analyzeCompletion(info.remaining());
    }
    if (info.completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
      throw new CellException(
          "Incomplete Java at the end of the cell:\n" + info.remaining().trim());
    }
    return last;
  }

  private Object evalSnippet(String code) {
    Object result = null;
    List<SnippetEvent> events = shell.eval(code);
    for (SnippetEvent event : events) {
      Object value = ResultCapture.isKey(event.value()) ? control.take(event.value()) : null;
      if (event.causeSnippet() != null) {
        continue;
      }
      JShellException e = event.exception();
      if (e != null) {
        throw new CellException(describe(e), e);
      }
      if (!event.status().isDefined()) {
        throw new CellException(diagnostics(event.snippet()));
      }
      switch (event.snippet().subKind()) {
        case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND ->
            result = value;
        default -> result = null;
      }
    }
    return result;
  }

  private String describe(JShellException e) {
    if (e instanceof UnresolvedReferenceException u) {
      return "This cell uses something not defined yet: "
          + shell.unresolvedDependencies(u.getSnippet()).toList()
          + ". Run the cells above first.";
    }
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    String name =
        e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
    return trace.toString().replace(EvalException.class.getName(), name);
  }

  private String diagnostics(Snippet snippet) {
    StringBuilder out = new StringBuilder("The cell does not compile:\n");
    for (Diag d : shell.diagnostics(snippet).toList()) {
      String source = snippet.source();
      int line =
          1
              + (int)
                  source
                      .substring(0, (int) Math.max(0, d.getStartPosition()))
                      .chars()
                      .filter(c -> c == '\n')
                      .count();
      out.append("  line ")
          .append(line)
          .append(" of the snippet: ")
          .append(d.getMessage(null))
          .append('\n');
    }
    out.append("in:\n").append(snippet.source().strip());
    return out.toString();
  }

  @Override
  public DisplayData eval(String expr) {
    Object result = evalRaw(expr);
    if (result == null || result instanceof DisplayData) {
      return (DisplayData) result;
    }
    return new DisplayData(Redact.ids(String.valueOf(result)));
  }

  @Override
  public List<String> formatError(Throwable e) {
    List<String> lines = new ArrayList<>();
    String text;
    if (e instanceof CellException) {
      text = e.getMessage();
    } else {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      text = trace.toString();
    }
    for (String line : Redact.ids(text).split("\n")) {
      lines.add(errorStyler.secondary(line));
    }
    return lines;
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    List<SourceCodeAnalysis.Documentation> docs =
        shell.sourceCodeAnalysis().documentation(code, at, false);
    if (docs == null || docs.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    docs.forEach(d -> text.append(d.signature()).append('\n'));
    return new DisplayData(text.toString());
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    int[] anchor = new int[1];
    List<String> options =
        shell.sourceCodeAnalysis().completionSuggestions(code, at, anchor).stream()
            .map(SourceCodeAnalysis.Suggestion::continuation)
            .distinct()
            .toList();
    return options.isEmpty() ? null : new ReplacementOptions(options, anchor[0], at);
  }

  @Override
  public String isComplete(String code) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code);
    while (info.completeness().isComplete()) {
      info = analysis.analyzeCompletion(info.remaining());
    }
    return switch (info.completeness()) {
      case EMPTY, COMPLETE, COMPLETE_WITH_SEMI -> IS_COMPLETE_YES;
      case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "    ";
      default -> IS_COMPLETE_BAD;
    };
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    super.onShutdown(isRestarting);
    shell.close();
  }

  /**
   * A cell that failed: the message says what and where. It has no stack trace of its own (the
   * kernel's frames would only hide the cell's).
   */
  static final class CellException extends RuntimeException {
    CellException(String message) {
      super(message, null, false, false);
    }

    CellException(String message, Throwable cause) {
      super(message, cause, false, false);
    }
  }

  /** Starts the kernel on the connection file Jupyter passes as the only argument. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1 || !new File(args[0]).isFile()) {
      System.err.println(
          "usage: JShellKernel CONNECTION_FILE (Jupyter starts the kernel this way; see"
              + " notebooks/README.md)");
      System.exit(2);
    }
    KernelConnectionProperties props =
        KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
    JupyterConnection connection = new JupyterConnection(props);
    JShellKernel kernel = new JShellKernel();
    kernel.onStartup();
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    connection.waitUntilClose();
    System.exit(0);
  }
}
