package org.ruralstats.ingest.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractDocsTest {

  @Test
  void theContractHasTheNineSourcesDivisionsFirst() {
    List<String> names =
        SourceContract.standard().sources().stream().map(SourceSpec::name).toList();
    assertEquals(
        List.of(
            "divisions",
            "roster",
            "insurance",
            "housing",
            "water_projects",
            "water_project_villages",
            "water_survey",
            "education_students",
            "education_aid"),
        names);
  }

  @Test
  void theCommittedSourcesPageIsGeneratedFromTheContract() throws Exception {
    Path page = Path.of("docs/sources.md");
    assertTrue(Files.exists(page), "docs/sources.md is missing: run ContractDocs");
    assertEquals(
        ContractDocs.render(SourceContract.standard()),
        Files.readString(page, StandardCharsets.UTF_8),
        "docs/sources.md is out of date: regenerate it with"
            + " java -cp ... org.ruralstats.ingest.contract.ContractDocs docs/sources.md");
  }
}
