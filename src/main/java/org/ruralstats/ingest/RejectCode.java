package org.ruralstats.ingest;

/** Why a row or a whole file was set aside. Stored in the rejects table as {@code reason_code}. */
public enum RejectCode {
  // whole-file faults
  EMPTY_FILE,
  BAD_ENCODING,
  MISSING_COLUMN,
  DUPLICATE_COLUMN,
  // row faults
  MALFORMED_CSV,
  FIELD_COUNT,
  MISSING_VALUE,
  INVALID_YEAR,
  INVALID_ID,
  INVALID_CODE,
  UNKNOWN_VILLAGE,
  TOO_LONG,
  INVALID_YES_NO,
  INVALID_DATE,
  INVALID_INTEGER,
  OUT_OF_RANGE,
  INVALID_AMOUNT,
  INVALID_ENUM,
  RULE_VIOLATION,
  INVALID_PARENT,
  SECOND_COUNTY,
  WRONG_COUNTY
}
