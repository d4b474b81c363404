package org.ruralstats.ingest.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Collectors;

/**
 * Generates {@code docs/sources.md}, the users' page on the source layouts, from the contract
 * description itself, so the page and the checks never disagree. Run: {@code ContractDocs OUT}.
 */
public final class ContractDocs {
  private ContractDocs() {}

  /** Writes the page to the path given as the only argument. */
  public static void main(String[] args) throws IOException {
    Path out = Paths.get(args.length > 0 ? args[0] : "docs/sources.md");
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, render(SourceContract.standard()), StandardCharsets.UTF_8);
  }

  /** The page as Markdown. */
  public static String render(SourceContract contract) {
    StringBuilder b = new StringBuilder();
    b.append("# Source layouts (what the landing folder holds)\n\n")
        .append("<!-- Generated from src/main/resources/contract/sources.yaml by")
        .append(" org.ruralstats.ingest.contract.ContractDocs; do not edit by hand. -->\n\n")
        .append(
            """
            Every night the upstream systems drop CSV extracts into one folder per source under the
            landing folder (`<landing>/<source>/*.csv`, any letter case of `.csv`). This page is
            generated from the contract description the pipeline itself checks against.

            ## Several counties

            A city or province landing folder holds one folder per county instead, named by the
            county's 12-digit division code (`<landing>/141123000000/insurance/*.csv`), each laid
            out like a one-county landing folder; never both layouts at once (such a landing folder
            is refused and nothing changes). A top-level folder that is neither a source nor a
            12-digit code ending in six zeros is ignored with a notice. Each county folder has its
            own dictionary, keys, ledger and rejects: a row replaces only a row of the same county
            with the same key, and village codes are checked against the county's own dictionary.
            In the rejected-row export a file of a county folder is named
            `<county code>/<file name>`.

            ## Rules for every file

            - Files of a folder are processed in lexicographic order of their names; a later file
              (or a later row of the same file) with the same key replaces the earlier row: the
              newest valid version wins. A rejected row replaces nothing. Files processed in a later
              run are newer than every file processed before (a new name is always a newer
              extract). `divisions` is loaded first; village codes are checked against the
              dictionary as it stands after all division files of the run.
            - A file is known by its folder, name and content (SHA-256): delivering it again
              unchanged does nothing; with changed content it is processed again, and the rejects
              of its previous version are replaced by those of the new one.
            - Encoding UTF-8 (with or without byte-order mark) or GB18030; LF or CRLF; comma;
              RFC 4180 quoting (a quoted field may hold commas, doubled quotes and line breaks).
              A row's line number is the physical line it starts on; the header is line 1.
            - Header row always present; names are trimmed; a column is named by its canonical name
              (any letter case) or its Chinese header; order is free; extra columns are kept in the
              raw zone only. An optional column may be absent. A missing required column, a
              contract column named twice, an empty file, or a file that is neither UTF-8 nor
              GB18030 rejects the whole file.
            - Fields are trimmed of Unicode white space (including the full-width space U+3000);
              an empty field is null; blank lines (also lines of white space only) are skipped; a
              row with more or fewer fields than the header is rejected. A row with several faults
              is rejected once, its reason listing every fault.

            ## Value spellings

            | type | accepted spellings |
            |---|---|
            | yes_no | `是`/`否`, `Y`/`N`, `1`/`0`, `true`/`false` (letters in any case) |
            | date | `yyyy-MM-dd`, `yyyy/MM/dd`, `yyyyMMdd`; a real calendar date |
            | year | four digits, 2000–2100 |
            | integer | `[+-]?[0-9]+`, then the column's range |
            | amount | `[0-9]+(\\.[0-9]{1,2})?` (no sign, exponent or thousands separator) |
            | enum | the Chinese label exactly, or the canonical code in any letter case |
            | id | 18-character resident ID: real birth date, ISO 7064 MOD 11-2 check character; `x` = `X`. Replaced by a keyed pseudonym (HMAC-SHA-256) past the raw zone |
            | village_code | 12 digits, listed at village level in the division dictionary |
            | household_id | non-empty, at most 64 characters |
            | code12 | 12 digits |

            """);
    for (SourceSpec s : contract.sources()) {
      b.append("## ").append(s.name()).append(" (").append(s.titleZh()).append(")\n\n");
      b.append(capitalize(s.titleEn())).append(". Grain: ").append(s.grain()).append(". ");
      b.append("Key: ")
          .append(s.key().stream().map(k -> "`" + k + "`").collect(Collectors.joining(", ")))
          .append(". Clean table: `clean/")
          .append(s.name())
          .append("`.\n\n");
      b.append("| canonical | Chinese header | type | required | rule | clean column |\n");
      b.append("|---|---|---|---|---|---|\n");
      for (ColumnSpec c : s.columns()) {
        b.append("| ")
            .append(c.name())
            .append(" | ")
            .append(c.zh())
            .append(" | ")
            .append(c.type().name().toLowerCase(java.util.Locale.ROOT))
            .append(" | ")
            .append(c.optional() ? "optional" : "required")
            .append(" | ")
            .append(rule(c))
            .append(" | ")
            .append(c.cleanName())
            .append(" |\n");
      }
      for (RowRule r : s.rules()) {
        b.append("\nRow rule: `").append(r.column()).append("` ");
        b.append(
            r.kind() == RowRule.Kind.REQUIRED_WHEN
                ? "is required when `" + r.other() + "` is set."
                : "must not be before `" + r.other() + "`.");
        b.append("\n");
      }
      if (s.name().equals(SourceContract.DIVISIONS)) {
        b.append(
            "\nThe dictionary describes exactly one county (a second county row is rejected; in a"
                + " county folder, a county row whose code is not the folder's name is rejected); a"
                + " township's parent is the county; a village's parent is a township.\n");
      }
      if (s.name().equals("water_project_villages")) {
        b.append(
            "\nA row whose project is not (yet) in `water_projects` is kept, counts nowhere and is"
                + " listed in `quality/orphans` until its project arrives.\n");
      }
      b.append("\n");
    }
    return b.toString();
  }

  private static String rule(ColumnSpec c) {
    StringBuilder r = new StringBuilder();
    if (!c.values().isEmpty()) {
      r.append(
          c.values().stream()
              .map(
                  v ->
                      "`"
                          + v.code()
                          + "`"
                          + (v.labels().isEmpty() ? "" : "/" + String.join("/", v.labels())))
              .collect(Collectors.joining(" · ")));
    }
    if (c.min() != null || c.max() != null) {
      r.append(c.min() != null ? c.min() : "").append("–").append(c.max() != null ? c.max() : "");
    }
    if (c.positive()) {
      r.append("> 0");
    }
    if (c.defaultValue() != null) {
      r.append("empty = ").append(c.defaultValue());
    }
    return r.toString();
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
