package org.ruralstats.notebooks.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.SparkSession;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ruralstats.config.SparkSessions;

/** The kernel without Jupyter around it: cells in, values, displays and errors out. */
class JShellKernelTest {
  private static JShellKernel kernel;

  @BeforeAll
  static void start() {
    SparkSessions.create("kernel-test", 2).sparkContext().setLogLevel("ERROR");
    kernel = new JShellKernel();
  }

  @AfterAll
  static void stop() {
    kernel.onShutdown(false);
  }

  @Test
  void aCellKeepsItsVariablesAndShowsItsLastExpression() {
    assertNull(kernel.evalRaw("int x = 20;"));
    assertEquals(42, kernel.evalRaw("x = x + 1;\n x * 2"));
    DisplayData shown = kernel.eval("\"a\" + x");
    assertEquals("a21", shown.getData(MIMEType.TEXT_PLAIN));
  }

  @Test
  void theProjectAndTheHelpersAreOnTheClassPath() {
    Object path =
        kernel.evalRaw(
            "import org.ruralstats.warehouse.Warehouse;\n"
                + "new Warehouse(null, \"/w/\").path(Warehouse.INDICATORS)");
    assertEquals("/w/published/indicators", path);
  }

  @Test
  void aDatasetShownInACellIsAnHtmlTable() {
    DisplayData shown =
        kernel.eval(
            "import org.ruralstats.notebooks.*;\n"
                + "var spark = org.apache.spark.sql.SparkSession.active();\n"
                + "Show.table(spark.range(5).toDF(\"n\"), 3)");
    String html = (String) shown.getData(MIMEType.TEXT_HTML);
    assertEquals(3, html.split("<tr>", -1).length - 2, html); // header row + 3 rows
    assertTrue(html.contains("first 3 rows shown"), html);
  }

  @Test
  void anIdNumberInATextResultIsHidden() {
    DisplayData shown = kernel.eval("\"person \" + \"11010519491231002X\"");
    String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
    assertEquals("person <ID number hidden>", text);
  }

  @Test
  void aCompileErrorSaysWhatAndWhere() {
    RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("int y = ;"));
    assertTrue(e.getMessage().startsWith("The cell does not compile:"), e.getMessage());
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    assertTrue(e.getMessage().contains("int y = ;"), e.getMessage());
  }

  @Test
  void anExceptionInACellNamesItsClassAndMessage() {
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> kernel.evalRaw("throw new IllegalStateException(\"no such township\");"));
    assertTrue(
        e.getMessage().startsWith("java.lang.IllegalStateException: no such township"),
        e.getMessage());
    String formatted = String.join("\n", kernel.formatError(e));
    assertTrue(formatted.contains("no such township"), formatted);
  }

  @Test
  void anIncompleteCellIsRefused() {
    assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"));
    assertEquals(BaseKernel.IS_COMPLETE_YES, kernel.isComplete("int z = 1;"));
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> kernel.evalRaw("int k = 1;\nif (k > 0) {"));
    assertTrue(e.getMessage().startsWith("Incomplete Java"), e.getMessage());
  }

  @Test
  void aSparkSessionCreatedInACellIsTheJvmsSession() {
    Object same =
        kernel.evalRaw(
            "org.apache.spark.sql.SparkSession.active() =="
                + " org.ruralstats.config.SparkSessions.create(\"again\", 2)");
    assertEquals(true, same);
    assertFalse(SparkSession.active().sparkContext().isStopped());
    assertEquals(7L, kernel.evalRaw("org.apache.spark.sql.SparkSession.active().range(7).count()"));
  }
}
