package org.ruralstats.ingest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The source contract as data: the nine sources of the landing folder, loaded from {@code
 * contract/sources.yaml} on the class path. Every ingest rule is driven by it.
 */
public final class SourceContract implements Serializable {

  /** Class-path location of the contract description. */
  public static final String RESOURCE = "contract/sources.yaml";

  /** The source that is loaded first and that village codes are checked against. */
  public static final String DIVISIONS = "divisions";

  private static volatile SourceContract standard;

  private final List<SourceSpec> sources;

  private SourceContract(List<SourceSpec> sources) {
    this.sources = List.copyOf(sources);
  }

  /** The contract shipped with the pipeline. */
  public static SourceContract standard() {
    SourceContract c = standard;
    if (c == null) {
      synchronized (SourceContract.class) {
        if (standard == null) {
          standard = load(RESOURCE);
        }
        c = standard;
      }
    }
    return c;
  }

  /** Loads a contract description from the class path. */
  public static SourceContract load(String resource) {
    try (InputStream in = SourceContract.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the source contract " + resource + " is not on the class path; rebuild the project");
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<SourceSpec> specs = new ArrayList<>();
      for (JsonNode s : root.path("sources")) {
        specs.add(parseSource(s));
      }
      return new SourceContract(specs);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the source contract " + resource, e);
    }
  }

  /** All sources in processing order: divisions first, then the others in contract order. */
  public List<SourceSpec> sources() {
    return sources;
  }

  /** The folder names of all sources. */
  public Set<String> names() {
    Set<String> names = new java.util.LinkedHashSet<>();
    sources.forEach(s -> names.add(s.name()));
    return names;
  }

  /** The source with this folder name. */
  public SourceSpec source(String name) {
    return sources.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("'" + name + "' is not a source of the contract"));
  }

  private static SourceSpec parseSource(JsonNode s) {
    String name = text(s, "name", "source");
    List<ColumnSpec> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode c : s.path("columns")) {
      ColumnSpec col = parseColumn(name, c);
      if (!seen.add(col.name())) {
        throw new IllegalStateException("source " + name + ": column " + col.name() + " twice");
      }
      columns.add(col);
    }
    List<String> key = new ArrayList<>();
    for (JsonNode k : s.path("key")) {
      if (!seen.contains(k.asText())) {
        throw new IllegalStateException("source " + name + ": key column " + k + " is unknown");
      }
      key.add(k.asText());
    }
    List<RowRule> rules = new ArrayList<>();
    for (JsonNode r : s.path("rules")) {
      RowRule rule;
      if (r.has("required_when")) {
        rule =
            new RowRule(
                RowRule.Kind.REQUIRED_WHEN, r.get("required_when").asText(), text(r, "set", name));
      } else if (r.has("not_before")) {
        rule =
            new RowRule(
                RowRule.Kind.NOT_BEFORE, r.get("not_before").asText(), text(r, "other", name));
      } else {
        throw new IllegalStateException("source " + name + ": unknown rule " + r);
      }
      if (!seen.contains(rule.column()) || !seen.contains(rule.other())) {
        throw new IllegalStateException(
            "source " + name + ": rule " + r + " names an unknown column");
      }
      rules.add(rule);
    }
    return new SourceSpec(
        name,
        s.path("title_zh").asText(""),
        s.path("title_en").asText(""),
        s.path("grain").asText(""),
        key,
        columns,
        rules);
  }

  private static ColumnSpec parseColumn(String source, JsonNode c) {
    String name = text(c, "name", source);
    List<EnumValue> values = new ArrayList<>();
    for (JsonNode v : c.path("values")) {
      List<String> labels = new ArrayList<>();
      v.path("labels").forEach(l -> labels.add(l.asText()));
      values.add(new EnumValue(v.get("code").asText(), labels));
    }
    ColumnType type = ColumnType.fromContract(text(c, "type", source + "." + name));
    if (type == ColumnType.ENUM && values.isEmpty()) {
      throw new IllegalStateException(
          "source " + source + ": enum column " + name + " has no values");
    }
    return new ColumnSpec(
        name,
        text(c, "zh", source + "." + name),
        type,
        c.path("optional").asBoolean(false),
        c.has("min") ? c.get("min").asLong() : null,
        c.has("max") ? c.get("max").asLong() : null,
        c.path("positive").asBoolean(false),
        c.has("default") ? c.get("default").asText() : null,
        c.has("clean_name") ? c.get("clean_name").asText() : null,
        values);
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.asText().isBlank()) {
      throw new IllegalStateException("the source contract lacks '" + field + "' at " + where);
    }
    return v.asText();
  }
}
