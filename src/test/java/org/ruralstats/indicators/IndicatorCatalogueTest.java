package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled catalogue against the contract (INDICATORS.md), and the catalogue's validation. */
class IndicatorCatalogueTest {

  /** Every indicator of INDICATORS.md, in its order, with its kind (G and T expanded). */
  private static final String CONTRACT_INDICATORS =
      """
      INS_REQUIRED count
      INS_ENROLLED count
      INS_COVERAGE rate
      INS_ALLEVIATED_REQUIRED count
      INS_ALLEVIATED_ENROLLED count
      INS_ALLEVIATED_COVERAGE rate
      INS_ALLEVIATED_SUBSIDIZED count
      INS_ALLEVIATED_SUBSIDY_RATE rate
      INS_ALLEVIATED_UNMATCHED count
      INS_MONITORED_REQUIRED count
      INS_MONITORED_ENROLLED count
      INS_MONITORED_COVERAGE rate
      INS_MONITORED_SUBSIDIZED count
      INS_MONITORED_SUBSIDY_RATE rate
      INS_MONITORED_UNMATCHED count
      ALLEVIATED_PERSONS count
      ALLEVIATED_HOUSEHOLDS count
      MON_PERSONS count
      MON_HOUSEHOLDS count
      MON_NEW_PERSONS count
      MON_NEW_HOUSEHOLDS count
      MON_ELIMINATED_PERSONS count
      MON_ELIMINATED_HOUSEHOLDS count
      MON_ACTIVE_PERSONS count
      MON_ELIMINATION_RATE rate
      HOUSING_HOUSEHOLDS count
      HOUSING_ROOMS count
      HOUSING_APPRAISED count
      HOUSING_DANGEROUS count
      HOUSING_PLAN_TASKS count
      HOUSING_PLAN_COMPLETED count
      HOUSING_PLAN_COMPLETION rate
      HOUSING_DYNAMIC_TASKS count
      HOUSING_DYNAMIC_COMPLETED count
      HOUSING_SUBSIDY_YUAN amount
      WATER_MAINT_PROJECTS count
      WATER_MAINT_INVESTMENT_WAN amount
      WATER_MAINT_BENEFICIARIES count
      WATER_QUALITY_PROJECTS count
      WATER_QUALITY_INVESTMENT_WAN amount
      WATER_QUALITY_BENEFICIARIES count
      WATER_CONSOL_PROJECTS count
      WATER_CONSOL_INVESTMENT_WAN amount
      WATER_CONSOL_BENEFICIARIES count
      WATER_SURVEYED_HOUSEHOLDS count
      WATER_SURVEYED_PERSONS count
      WATER_SAFE_HOUSEHOLDS count
      WATER_SAFE_PERSONS count
      WATER_SAFE_RATE rate
      EDU_STUDENTS count
      EDU_COMPULSORY_STUDENTS count
      EDU_COMPULSORY_DROPOUTS count
      EDU_PRIORITY_STUDENTS count
      EDU_PRIORITY_AIDED count
      EDU_PRIORITY_AID_COVERAGE rate
      EDU_AID_TIMES count
      EDU_AID_YUAN amount
      EDU_PRESCHOOL_AID_TIMES count
      EDU_PRESCHOOL_AID_YUAN amount
      """;

  private final IndicatorCatalogue bundled = IndicatorCatalogue.bundled();

  @Test
  void bundledCatalogueHasExactlyThe59ContractIndicatorsWithTheirKinds() {
    List<String> contract = CONTRACT_INDICATORS.lines().toList();
    assertEquals(59, contract.size());
    assertEquals(59, new HashSet<>(bundled.codes()).size(), "codes are unique");
    List<String> actual =
        bundled.indicators().stream().map(i -> i.code() + " " + i.kind().code()).toList();
    assertEquals(contract, actual);
  }

  @Test
  void groupsUseTheContractsDrivingSources() {
    Map<String, String> drivingSourceByFact = new LinkedHashMap<>();
    bundled.facts().forEach(f -> drivingSourceByFact.put(f.name(), f.drivingSource()));
    assertEquals(
        Map.of(
            "insurance", "insurance",
            "priority_insurance", "roster",
            "monitoring_households", "roster",
            "monitoring", "roster",
            "housing", "housing",
            "water_projects", "water_projects",
            "water_survey", "water_survey",
            "education_register", "education_students",
            "education_aid", "education_aid"),
        drivingSourceByFact);
    assertEquals(
        "EDU_AID_TIMES EDU_AID_YUAN EDU_PRESCHOOL_AID_TIMES EDU_PRESCHOOL_AID_YUAN",
        String.join(" ", codesOf("education_aid")));
    assertEquals("INS_REQUIRED INS_ENROLLED INS_COVERAGE", String.join(" ", codesOf("insurance")));
    assertEquals(12, codesOf("priority_insurance").size());
  }

  @Test
  void unitsMatchWhatIsCounted() {
    Map<String, String> unitByCode =
        bundled.indicators().stream()
            .collect(
                Collectors.toMap(
                    IndicatorDefinition::code,
                    IndicatorDefinition::unit,
                    (a, b) -> a,
                    LinkedHashMap::new));
    for (IndicatorDefinition indicator : bundled.indicators()) {
      String code = indicator.code();
      String expected =
          indicator.kind() == IndicatorKind.RATE
              ? "%"
              : code.endsWith("_WAN")
                  ? "万元"
                  : code.endsWith("_YUAN")
                      ? "元"
                      : code.endsWith("_TIMES")
                          ? "人次"
                          : code.endsWith("_PROJECTS")
                              ? "处"
                              : code.endsWith("_ROOMS")
                                  ? "间"
                                  : code.endsWith("_HOUSEHOLDS") || code.startsWith("HOUSING_")
                                      ? "户"
                                      : "人";
      assertEquals(expected, unitByCode.get(code), code);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // validation

  private static final String VALID =
      """
      sources:
        insurance: {year: int, person_key: string, village_code: string, required: boolean}
        divisions: {code: string, level: string}
      views:
        - name: areas
          description: Every area.
          sql: SELECT code AS area_code, level AS area_level FROM divisions
      facts:
        - name: insurance
          title_zh: 参保
          title_en: Insurance
          driving_source: insurance
          grain: [area_code, year, person_key]
          description: One row per insurance row.
          sql: SELECT village_code AS area_code, year, person_key, required FROM insurance
      indicators:
        - code: INS_REQUIRED
          fact: insurance
          kind: count
          unit: 人
          name_zh: 应参保人数
          name_en: Persons required to enrol
          description: Persons required to enrol.
          numerator: COUNT(DISTINCT CASE WHEN required THEN person_key END)
        - code: INS_SHARE
          fact: insurance
          kind: rate
          unit: '%'
          name_zh: 应参保比例
          name_en: Share required to enrol
          description: INS_REQUIRED as a percentage of INS_PERSONS.
          numerator: INS_REQUIRED
          denominator: INS_PERSONS
        - code: INS_PERSONS
          fact: insurance
          unit: '人'
          kind: count
          name_zh: 人数
          name_en: Persons
          description: Persons with an insurance row.
          numerator: COUNT(DISTINCT person_key)
      """;

  @Test
  void validCatalogueLoads() {
    IndicatorCatalogue catalogue = IndicatorCatalogue.parse(VALID, "test.yaml");
    assertEquals(List.of("INS_REQUIRED", "INS_SHARE", "INS_PERSONS"), catalogue.codes());
    IndicatorDefinition share = catalogue.indicators().get(1);
    assertEquals(IndicatorKind.RATE, share.kind());
    assertEquals("INS_PERSONS", share.denominator());
    // a rate is computed from its counts' own aggregates
    assertEquals("COUNT(DISTINCT person_key)", catalogue.denominatorSql(share));
    assertEquals(
        "COUNT(DISTINCT CASE WHEN required THEN person_key END)", catalogue.numeratorSql(share));
    assertEquals(
        catalogue.indicator("INS_REQUIRED").orElseThrow().numerator(),
        catalogue.numeratorSql(share));
    assertEquals(null, catalogue.denominatorSql(catalogue.indicators().get(0)));
    assertEquals(
        List.of("year", "person_key", "village_code", "required"),
        List.copyOf(catalogue.sources().get("insurance").keySet()));
  }

  @Test
  void duplicateCodeNamesBothEntries() {
    assertProblems(
        VALID.replace("code: INS_SHARE", "code: INS_REQUIRED"),
        "indicator #2 INS_REQUIRED: the code is already used by indicator #1; codes must be"
            + " unique");
  }

  @Test
  void unknownKindNamesTheEntryAndTheKnownKinds() {
    assertProblems(
        VALID.replace("kind: count", "kind: ratio"),
        "indicator #1 INS_REQUIRED, field kind: unknown kind 'ratio'; use one of count, amount,"
            + " rate");
  }

  @Test
  void rateWithoutDenominatorIsRefused() {
    assertProblems(
        VALID.replace("    denominator: INS_PERSONS\n", ""),
        "indicator #2 INS_SHARE: a rate needs a denominator (the count indicator it is divided"
            + " by, e.g. INS_REQUIRED)");
  }

  @Test
  void rateWrittenAsSqlIsRefusedNamingTheCountsOfItsFact() {
    assertProblems(
        VALID.replace("numerator: INS_REQUIRED", "numerator: COUNT(DISTINCT person_key)"),
        "indicator #2 INS_SHARE: numerator 'COUNT(DISTINCT person_key)' must name count"
            + " indicators of fact insurance by code, joined by + or - (e.g. INS_ENROLLED, or"
            + " MON_PERSONS - MON_ACTIVE_PERSONS), so that the rate is computed from the same"
            + " figures as its counts; the counts of fact insurance are [INS_REQUIRED,"
            + " INS_PERSONS]");
  }

  @Test
  void rateNamingAnythingButACountOfItsFactIsRefused() {
    assertProblems(
        VALID.replace("denominator: INS_PERSONS", "denominator: INS_PERSONS - INS_SHARE + INS_X"),
        "indicator #2 INS_SHARE: denominator names INS_SHARE, which is not a count indicator of"
            + " fact insurance; use one of [INS_REQUIRED, INS_PERSONS]",
        "indicator #2 INS_SHARE: denominator names INS_X, which is not a count indicator of fact"
            + " insurance; use one of [INS_REQUIRED, INS_PERSONS]");
  }

  @Test
  void aRateOfADifferenceOfCountsSubtractsTheirAggregates() {
    IndicatorCatalogue catalogue =
        IndicatorCatalogue.parse(
            VALID.replace("numerator: INS_REQUIRED", "numerator: INS_PERSONS - INS_REQUIRED"),
            "test.yaml");
    assertEquals(
        "COUNT(DISTINCT person_key) - COUNT(DISTINCT CASE WHEN required THEN person_key END)",
        catalogue.numeratorSql(catalogue.indicators().get(1)));
  }

  @Test
  void denominatorOnACountIsRefused() {
    assertProblems(
        VALID.replace(
            "kind: count\n    unit: 人",
            "kind: count\n    unit: 人\n    denominator: COUNT(DISTINCT person_key)"),
        "indicator #1 INS_REQUIRED: only a rate has a denominator; remove it or make the kind"
            + " rate (kind is count)");
  }

  @Test
  void unknownFactIsRefused() {
    assertProblems(
        VALID.replace("code: INS_SHARE\n    fact: insurance", "code: INS_SHARE\n    fact: housing"),
        "indicator #2 INS_SHARE: fact housing is not declared under facts; use one of"
            + " [insurance]");
  }

  @Test
  void unknownDrivingSourceIsRefused() {
    assertProblems(
        VALID.replace("driving_source: insurance", "driving_source: insurence"),
        "fact #1 insurance: driving_source insurence is not a declared source; use one of"
            + " [insurance, divisions]");
  }

  @Test
  void misspelledFieldIsNamedWithTheKnownFields() {
    IndicatorCatalogueException e =
        assertThrows(
            IndicatorCatalogueException.class,
            () ->
                IndicatorCatalogue.parse(
                    VALID.replace(
                        "numerator: COUNT(DISTINCT CASE", "numerater: COUNT(DISTINCT CASE"),
                    "test.yaml"));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(
        e.problems()
            .get(0)
            .startsWith(
                "indicator #1 INS_REQUIRED: unknown field 'numerater'; the known fields are"),
        e.getMessage());
  }

  @Test
  void missingFieldsAndAreasViewAreAllReportedAtOnce() {
    String yaml =
        VALID
            .replace("  - name: areas", "  - name: all_areas")
            .replace("    unit: 人\n", "")
            .replace("    name_en: Share required to enrol\n", "");
    IndicatorCatalogueException e =
        assertThrows(
            IndicatorCatalogueException.class, () -> IndicatorCatalogue.parse(yaml, "x.yaml"));
    assertEquals(
        List.of(
            "views: a view named areas (columns area_code, area_level, county_code: every area and"
                + " each county it covers) is required; every group's result is left-joined to it",
            "indicator #1 INS_REQUIRED: unit is missing",
            "indicator #2 INS_SHARE: name_en is missing"),
        e.problems());
    assertTrue(
        e.getMessage()
            .startsWith(
                "Indicator catalogue x.yaml is invalid (3 problems); correct the entries below and"
                    + " rerun:\n  - views: a view named areas"),
        e.getMessage());
  }

  @Test
  void factWithoutAGrainOrWithOneNotStartingWithTheAreaIsRefused() {
    assertProblems(
        VALID.replace("    grain: [area_code, year, person_key]\n", ""),
        "fact #1 insurance: grain is missing; list the columns one row of the view is unique on,"
            + " starting with area_code, e.g. [area_code, year, person_key]");
    assertProblems(
        VALID.replace("grain: [area_code, year, person_key]", "grain: [year, person_key]"),
        "fact #1 insurance: grain [year, person_key] must list distinct lower-case column names"
            + " of the view, starting with area_code");
  }

  @Test
  void badTypeAndNotYamlAreReported() {
    assertProblems(
        VALID.replace("required: boolean}", "required: yes_no}"),
        "source insurance, column required: 'yes_no' is not a Spark SQL type; use e.g. string,"
            + " int, boolean, date or decimal(18,2)");
    IndicatorCatalogueException notYaml =
        assertThrows(
            IndicatorCatalogueException.class,
            () -> IndicatorCatalogue.parse("sources: [unclosed", "broken.yaml"));
    assertTrue(notYaml.problems().get(0).startsWith("not valid YAML: "), notYaml.getMessage());
    assertTrue(notYaml.getMessage().contains("broken.yaml"), notYaml.getMessage());
  }

  private List<String> codesOf(String fact) {
    return bundled.indicatorsOf(fact).stream().map(IndicatorDefinition::code).toList();
  }

  private static void assertProblems(String yaml, String... expected) {
    IndicatorCatalogueException e =
        assertThrows(
            IndicatorCatalogueException.class, () -> IndicatorCatalogue.parse(yaml, "test.yaml"));
    assertEquals(List.of(expected), e.problems(), e.getMessage());
  }
}
